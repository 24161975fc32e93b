import type { FilterName } from '$lib/domain/metrics/query';
import type { WeibullRow } from '$lib/domain/metrics/warranty';
import type { MetricParams } from './config';
import { cached } from './cache';
import type { AnyMetricDefinition, MetricContext } from './definition';
import { monthIndexSql, monthOfIndexSql, Params, whereSql } from './sql';
import { bLife, censorAt, expectedFailures, fitWeibullGrouped, type TimeGroup } from './weibull';

/**
 * warranty.weibull: a Weibull life model per product model from first failures and the units still
 * running (right-censored), one row per model.
 *
 * - End date: --to, else the latest received_at (as a date) of the filtered repairs.
 * - --from does not change the result: a life model needs each unit's whole history, so every
 *   sale and repair up to the end date counts (cutting repairs at --from would drop the early
 *   failures of older units while still counting those units as running from age 0). The row's
 *   note says so when --from is given.
 * - Failures: per unit (product_model, serial_no) its first repair that has sold_at, received on or
 *   before the end date; life = received date − sold_at in whole days. A failure on the purchase
 *   day (0 days) is put at 0.5 day (the likelihood needs t > 0). A first repair received before its
 *   purchase date is a data error: left out and counted in excluded_failures. The first repair is
 *   chosen before the filters apply, so a filter never turns a unit's second repair into a first
 *   (repairs.first_repair_of_unit, kept by every import: db/repair-sequence.ts).
 * - Suspensions: sales summed per model and sales month (months starting on or before the end
 *   date); units not failed = units − first failures of the model sold in that month (not below 0),
 *   aged from the 15th of the sales month to the end date (at least 0.5 day).
 * - Fit (weibull.ts): maximum likelihood with right censoring; needs at least 2 failures.
 *   Forecasts: expected first failures among the running units in the next 3/6/12 months
 *   (30.4375-day months).
 * - Extra in-warranty fit: the same data seen only up to the model's warranty period (W months,
 *   params.warranty_months, default warranty_months_default; W × 30.4375 days): later failures and
 *   older units count as running at W. When repairs after the warranty are under-reported (owners
 *   go elsewhere), this shape is the one to read for wear-out; the full fit describes the claims
 *   the service network actually receives.
 * - Filters: model, category, region, applied to repairs and to sales.
 */

const FILTERS: readonly FilterName[] = ['model', 'category', 'region'];
const MONTH_DAYS = 30.4375;
const MIN_AGE_DAYS = 0.5;
const MIN_FAILURES = 2;

interface ModelData {
	failures: TimeGroup[];
	suspensions: TimeGroup[];
	unitsSold: number;
	excluded: number;
}

const count = (groups: readonly TimeGroup[]) => groups.reduce((sum, g) => sum + g.w, 0);
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Failures grouped by age, suspension groups, units sold and excluded failures per model. */
function lifeDataSql(ctx: MetricContext, end: string): { sql: string; params: Params } {
	const p = new Params();
	const endParam = p.add(end);
	const firstWhere = whereSql(p, ctx.query, { alias: 'f', filters: FILTERS });
	const salesWhere = whereSql(p, ctx.query, { alias: 's', filters: FILTERS });
	// One scan of the units' first repairs feeds both groupings: ages per model (the failures) and
	// failures per model and sales month (taken off that month's running units). A repair received
	// before the sale (a data error, excluded) keeps its sales month in the ages grouping, where it
	// is rare, instead of a filtered count over every first repair.
	const sql = `
WITH bounds AS (SELECT CAST(${endParam} AS DATE) AS end_date),
firsts AS (
	SELECT product_model, days, mi, CASE WHEN days < 0 THEN mi END AS early_mi,
		grouping(days) AS by_sale_month, count(*) AS n
	FROM (
		SELECT f.product_model, CAST(f.received_at AS DATE) - f.sold_at AS days, ${monthIndexSql('f.sold_at')} AS mi
		FROM repairs f
		WHERE f.first_repair_of_unit AND f.received_at < CAST(${endParam} AS DATE) + INTERVAL 1 DAY AND ${firstWhere}
	)
	GROUP BY GROUPING SETS ((product_model, days, early_mi), (product_model, mi))
),
early AS (
	SELECT product_model, early_mi AS mi, sum(n) AS n FROM firsts WHERE by_sale_month = 0 AND days < 0 GROUP BY ALL
),
sold AS (
	SELECT s.product_model, s.period, sum(s.units) AS units
	FROM sales s, bounds
	WHERE s.period <= bounds.end_date AND ${salesWhere}
	GROUP BY ALL
),
failed AS (
	SELECT product_model, ${monthOfIndexSql('mi')} AS period, firsts.n - coalesce(early.n, 0) AS n
	FROM firsts LEFT JOIN early USING (product_model, mi) WHERE by_sale_month = 1
)
SELECT 'failure' AS kind, product_model, days, n FROM firsts WHERE by_sale_month = 0 AND days >= 0
UNION ALL
SELECT 'excluded', product_model, NULL, sum(n) FROM firsts WHERE by_sale_month = 0 AND days < 0 GROUP BY ALL
UNION ALL
SELECT 'suspension', sold.product_model,
	date_diff('day', CAST(sold.period + INTERVAL 14 DAY AS DATE), bounds.end_date),
	sum(greatest(sold.units - coalesce(failed.n, 0), 0))
FROM sold LEFT JOIN failed USING (product_model, period), bounds
GROUP BY ALL
UNION ALL
SELECT 'sold', product_model, NULL, sum(units) FROM sold GROUP BY ALL`;
	return { sql, params: p };
}

async function endDate(ctx: MetricContext): Promise<string | null> {
	if (ctx.query.to) return ctx.query.to;
	const p = new Params();
	const where = whereSql(p, ctx.query, { alias: 'r', filters: FILTERS });
	const rows = await ctx.db.query(
		`SELECT strftime(max(r.received_at), '%Y-%m-%d') AS end_date FROM repairs r WHERE ${where}`,
		p.values
	);
	return (rows[0]?.end_date as string | null) ?? null;
}

async function lifeData(ctx: MetricContext, end: string): Promise<Map<string, ModelData>> {
	const { sql, params } = lifeDataSql(ctx, end);
	const byModel = new Map<string, ModelData>();
	for (const row of await ctx.db.query(sql, params.values)) {
		const name = String(row.product_model);
		let data = byModel.get(name);
		if (!data) byModel.set(name, (data = { failures: [], suspensions: [], unitsSold: 0, excluded: 0 }));
		const t = Math.max(MIN_AGE_DAYS, Number(row.days));
		const n = Number(row.n);
		if (row.kind === 'failure') data.failures.push({ t, w: n });
		else if (row.kind === 'suspension') data.suspensions.push({ t, w: n });
		else if (row.kind === 'sold') data.unitsSold = n;
		else data.excluded = n;
	}
	return byModel;
}

/** β and η of a fit, or the reason there is none. */
function fit(failures: TimeGroup[], suspensions: TimeGroup[]) {
	const r = count(failures);
	if (r < MIN_FAILURES) {
		return {
			note: `${r} failure(s), fewer than ${MIN_FAILURES}: no fit / 失效数少于 ${MIN_FAILURES}，不拟合`
		};
	}
	const result = fitWeibullGrouped(failures, suspensions);
	return result.converged
		? { result }
		: { note: `no maximum-likelihood estimate (${result.message}) / 无法得到最大似然估计` };
}

function modelRow(name: string, data: ModelData, end: string, params: MetricParams): WeibullRow {
	const months = params.warranty_months[name] ?? params.warranty_months_default;
	const inWarranty = censorAt(data.failures, data.suspensions, months * MONTH_DAYS);
	const full = fit(data.failures, data.suspensions);
	const warranty = fit(inWarranty.failures, inWarranty.suspensions);
	const f = full.result;
	const w = warranty.result;
	const num = (x: number | undefined, digits: number): number | null =>
		x === undefined ? null : round(x, digits);
	const forecast = (h: number) =>
		num(f && expectedFailures(data.suspensions, f.beta, f.eta, h * MONTH_DAYS), 4);
	return {
		product_model: name,
		failures: count(data.failures),
		suspensions: count(data.suspensions),
		units_sold: data.unitsSold,
		excluded_failures: data.excluded,
		end_date: end,
		beta: num(f?.beta, 6),
		eta_days: num(f?.eta, 3),
		b10_days: num(f && bLife(0.1, f.beta, f.eta), 3),
		forecast_3m: forecast(3),
		forecast_6m: forecast(6),
		forecast_12m: forecast(12),
		log_likelihood: num(f?.logLikelihood, 4),
		converged: f !== undefined,
		warranty_months: months,
		failures_in_warranty: count(inWarranty.failures),
		beta_in_warranty: num(w?.beta, 6),
		eta_in_warranty_days: num(w?.eta, 3),
		note:
			[full.note, w || !f ? undefined : `in-warranty fit: ${warranty.note}`].filter(Boolean).join('; ') ||
			null
	};
}

/** The fits up to the query's end, whatever its start: every unit's whole history counts. */
async function fits(ctx: MetricContext): Promise<WeibullRow[]> {
	const end = await endDate(ctx);
	if (!end) return [];
	const data = await lifeData(ctx, end);
	return [...data.keys()].sort().map((name) => modelRow(name, data.get(name)!, end, ctx.params));
}

async function weibull(ctx: MetricContext): Promise<WeibullRow[]> {
	const { from, ...upToEnd } = ctx.query;
	// Windows with the same end share one reading and fit; only the note about the start differs.
	const rows = await cached(ctx.db, JSON.stringify(['warranty.fits', upToEnd, ctx.params]), () =>
		fits({ ...ctx, query: upToEnd })
	);
	if (!from) return rows;
	return rows.map((row) => ({
		...row,
		note: [
			row.note,
			`--from ${from} not applied: all history up to ${row.end_date} counts / 可靠性分析使用截至 ${row.end_date} 的全部数据，不按起始日截取`
		]
			.filter(Boolean)
			.join('; ')
	}));
}

/** The warranty metric family. */
export const metrics = [
	{
		id: 'warranty.weibull',
		dimensions: [],
		filters: FILTERS,
		uses: ['warranty_months_default', 'warranty_months'],
		run: weibull
	}
] satisfies AnyMetricDefinition[];
