import type { MetricContext } from './definition';
import { coverageSql, monthStartSql, SHARED_FILTERS, warrantyMonthsSql } from './defects-sql';
import { monthSql, Params, whereSql } from './sql';

export interface MonthlySeriesRow {
	month: string;
	repairs: number;
	units_in_warranty: number;
}

/**
 * Repairs and units in warranty per month, the series behind defects.monthly and defects.pchart.
 *
 * - Repairs: by month of received_at, filtered by model/category/region and the from/to dates.
 * - Units in warranty in month m: units sold in months m−W+1 … m, W per model (a sales row of
 *   period s counts for m with s ≤ m < s + W months), same model/category/region filters.
 * - Months: those of the repair data's coverage inside the from/to window (see coverageSql) that
 *   have repairs or units in warranty; a covered month with units and no repairs is a real zero,
 *   so it is listed and the series has no holes where a rate exists.
 */
export async function monthlySeries({ db, query, params }: MetricContext): Promise<MonthlySeriesRow[]> {
	const p = new Params();
	const repairsWhere = whereSql(p, query, { alias: 'r', dateColumn: 'received_at', filters: SHARED_FILTERS });
	const salesWhere = whereSql(p, query, { alias: 's', filters: SHARED_FILTERS });
	const sql = `
		WITH span AS (${coverageSql(p, query)}),
		grid AS (
			SELECT CAST(unnest(generate_series(first_month, last_month, INTERVAL 1 MONTH)) AS DATE) AS m
			FROM span WHERE first_month <= last_month
		),
		sold AS (
			SELECT s.period, ${warrantyMonthsSql(p, params, 's.product_model')} AS w, sum(s.units) AS units
			FROM sales s WHERE ${salesWhere} GROUP BY ALL
		),
		in_warranty AS (
			SELECT g.m, sum(sold.units) AS units
			FROM grid g JOIN sold ON sold.period <= g.m AND g.m < sold.period + to_months(sold.w)
			GROUP BY g.m
		),
		received AS (
			SELECT ${monthStartSql('r.received_at')} AS m, count(*) AS repairs
			FROM repairs r WHERE ${repairsWhere} GROUP BY 1
		)
		SELECT ${monthSql('g.m')} AS month,
			CAST(coalesce(received.repairs, 0) AS BIGINT) AS repairs,
			CAST(coalesce(in_warranty.units, 0) AS BIGINT) AS units_in_warranty
		FROM grid g
		LEFT JOIN received ON received.m = g.m
		LEFT JOIN in_warranty ON in_warranty.m = g.m
		WHERE coalesce(received.repairs, 0) > 0 OR coalesce(in_warranty.units, 0) > 0
		ORDER BY g.m`;
	const rows = await db.query(sql, p.values);
	return rows.map((r) => ({
		month: String(r.month),
		repairs: Number(r.repairs),
		units_in_warranty: Number(r.units_in_warranty)
	}));
}
