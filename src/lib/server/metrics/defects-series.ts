import type { DefectSeriesRow, RepairSeriesRow } from '$lib/domain/metrics/defects';
import type { MetricContext } from './definition';
import { keptWindow, rowsInMonths } from './month-window';
import {
	coverageMonthsSql,
	coverageSql,
	REPAIR_RATE_FILTERS,
	repairMonths,
	salesWhereSql
} from './defects-sql';
import { repairSource } from './repair-rollups';
import { monthOfIndexSql, monthSql, Params, warrantyMonthsSql } from './sql';

/**
 * Repairs and units in warranty per month, the series behind defects.monthly and defects.pchart.
 *
 * - Repairs: by month of received_at, filtered by model/category/region, in_warranty and the
 *   from/to dates; repairs_in_warranty and repairs_warranty_unknown by the warranty rule
 *   (inWarrantySql), the numerator of every rate.
 * - Units in warranty in month m: units sold in months m−W+1 … m, W per model (a sales row of
 *   period s counts for m with s ≤ m < s + W months), same model/category/region filters.
 * - Months: those of the repair data's coverage inside the from/to window (see coverageMonthsSql) that
 *   have repairs or units in warranty; a covered month with units and no repairs is a real zero,
 *   so it is listed and the series has no holes where a rate exists.
 */
export async function monthlySeries(ctx: MetricContext): Promise<DefectSeriesRow[]> {
	return (await seriesRows(ctx, false)).get(null) ?? [];
}

/** A p-chart's counts: the repairs in warranty over the units in warranty. */
export const inWarrantyCounts = (series: readonly DefectSeriesRow[]): RepairSeriesRow[] =>
	series.map((m) => ({
		month: m.month,
		repairs: m.repairs_in_warranty,
		units_in_warranty: m.units_in_warranty
	}));

/** The p-chart counts (inWarrantyCounts) for each product model of the filtered data, in one pass (signals). */
export async function monthlySeriesByModel(ctx: MetricContext): Promise<Map<string, RepairSeriesRow[]>> {
	const byModel = new Map<string, RepairSeriesRow[]>();
	for (const [model, series] of await seriesRows(ctx, true)) byModel.set(model!, inWarrantyCounts(series));
	return byModel;
}

/**
 * Kept like a metric result: defects.monthly, defects.pchart and the overview read the same series for
 * one page, and on millions of repairs each reading is a scan of its own. A month's row depends on that
 * month alone, so a whole-month window inside one already read is a slice of it (keptWindow).
 */
function seriesRows(ctx: MetricContext, byModel: boolean): Promise<Map<string | null, DefectSeriesRow[]>> {
	const { filters, scope } = ctx.query;
	const base = JSON.stringify(['defects.series', byModel, filters, scope, ctx.params]);
	return keptWindow(
		ctx.db,
		base,
		ctx.query,
		(window) => readSeries({ ...ctx, query: { ...ctx.query, ...window } }, byModel),
		(kept, window) => {
			// A model without a month in the window is not listed, as its own reading would not list it.
			const sliced = new Map<string | null, DefectSeriesRow[]>();
			for (const [model, series] of kept) {
				const rows = rowsInMonths(series, window);
				if (rows.length) sliced.set(model, rows);
			}
			return sliced;
		}
	);
}

/** The series of the query's own window, read from the tables (seriesRows keeps and slices it). */
export async function readSeries(
	{ db, query, params }: MetricContext,
	byModel: boolean
): Promise<Map<string | null, DefectSeriesRow[]>> {
	const p = new Params();
	const repairs = repairSource(p, db, query, params, {
		filters: REPAIR_RATE_FILTERS,
		by: byModel ? ['product_model'] : []
	});
	const salesWhere = salesWhereSql(p, query);
	const months = await repairMonths(db);
	const key = (alias: string) => (byModel ? `${alias}.product_model` : 'CAST(NULL AS VARCHAR)');
	const sql = `
		WITH span AS (${coverageSql(p, query, months)}),
		grid AS (${coverageMonthsSql(p, 'span', months)}),
		sold AS (
			SELECT ${key('s')} AS k, s.period, ${warrantyMonthsSql(p, params, 's.product_model')} AS w, sum(s.units) AS units
			FROM sales s WHERE ${salesWhere} GROUP BY ALL
		),
		in_warranty AS (
			SELECT sold.k, g.m, sum(sold.units) AS units
			FROM grid g JOIN sold ON sold.period <= g.m AND g.m < sold.period + to_months(sold.w)
			GROUP BY ALL
		),
		received AS (
			SELECT k, ${monthOfIndexSql('mi')} AS m, repairs, in_warranty, unknown FROM (
				SELECT ${key('r')} AS k, ${repairs.month} AS mi, ${repairs.count()} AS repairs,
					${repairs.count(repairs.inWarranty())} AS in_warranty,
					${repairs.count(repairs.unknown())} AS unknown
				FROM ${repairs.from} WHERE ${repairs.where} GROUP BY ALL)
		),
		cells AS (
			SELECT g.m, keys.k FROM grid g, (SELECT k FROM sold UNION SELECT k FROM received) keys
		)
		SELECT cells.k AS model, ${monthSql('cells.m')} AS month,
			CAST(coalesce(received.repairs, 0) AS BIGINT) AS repairs,
			CAST(coalesce(received.in_warranty, 0) AS BIGINT) AS repairs_in_warranty,
			CAST(coalesce(received.unknown, 0) AS BIGINT) AS repairs_warranty_unknown,
			CAST(coalesce(in_warranty.units, 0) AS BIGINT) AS units_in_warranty
		FROM cells
		LEFT JOIN received ON received.m = cells.m AND received.k IS NOT DISTINCT FROM cells.k
		LEFT JOIN in_warranty ON in_warranty.m = cells.m AND in_warranty.k IS NOT DISTINCT FROM cells.k
		WHERE coalesce(received.repairs, 0) > 0 OR coalesce(in_warranty.units, 0) > 0
		ORDER BY cells.k, cells.m`;
	const out = new Map<string | null, DefectSeriesRow[]>();
	for (const r of await db.query(sql, p.values)) {
		const model = r.model === null ? null : String(r.model);
		let series = out.get(model);
		if (!series) out.set(model, (series = []));
		series.push({
			month: String(r.month),
			repairs: Number(r.repairs),
			repairs_in_warranty: Number(r.repairs_in_warranty),
			repairs_warranty_unknown: Number(r.repairs_warranty_unknown),
			units_in_warranty: Number(r.units_in_warranty)
		});
	}
	return out;
}
