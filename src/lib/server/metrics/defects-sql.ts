import type { FilterName, MetricQuery } from '$lib/domain/metrics/query';
import type { MetricParams } from './config';
import type { Database } from '../db/connection';
import { sqlList } from '../db/sql';
import { cached } from './cache';
import { monthGridSql, monthIndexSql, monthOfIndexSql, whereSql, type Params } from './sql';

/** Filters that constrain both repairs and sales (the columns exist in both tables). */
export const SHARED_FILTERS: readonly FilterName[] = ['model', 'category', 'region'];

/**
 * Filters of a repair metric divided by sales: the shared ones, and in_warranty, which narrows the
 * repairs only (units sold have no warranty scope of their own).
 */
export const REPAIR_RATE_FILTERS: readonly FilterName[] = [...SHARED_FILTERS, 'in_warranty'];

/** Filters of a repair metric without a sales denominator: the service partners as well. */
export const REPAIR_FILTERS: readonly FilterName[] = [
	...SHARED_FILTERS,
	'supplier',
	'service_center',
	'in_warranty'
];

/**
 * Conditions on repairs aliased `r`: received_at inside the from/to window and `filters` (in_warranty
 * among them reads the warranty rule from `params`).
 */
export function repairsWhereSql(
	p: Params,
	query: MetricQuery,
	params: MetricParams,
	filters: readonly FilterName[] = REPAIR_FILTERS
): string {
	return whereSql(p, query, { alias: 'r', dateColumn: 'received_at', filters, params });
}

/**
 * Conditions on the sales `s`, the denominator of a repair rate (whose repairs take REPAIR_RATE_FILTERS):
 * the shared filters only, no dates (sales are monthly, the months are the caller's).
 */
export const salesWhereSql = (p: Params, query: MetricQuery) =>
	whereSql(p, query, { alias: 's', filters: SHARED_FILTERS });

/**
 * The months with repairs, as monthIndexSql's integers in order: read once per version of the data
 * (every defect series and MIS triangle is laid on them, whatever its filters), not a scan of all
 * repairs in each statement.
 */
export function repairMonths(db: Database): Promise<number[]> {
	return cached(db, JSON.stringify(['repair-months']), async () =>
		(await db.query(`SELECT ${monthIndexSql('received_at')} AS mi FROM repairs GROUP BY 1 ORDER BY 1`)).map(
			(r) => Number(r.mi)
		)
	);
}

/** `months` (repairMonths) as a relation of one column `mi`. */
const monthsRelation = (p: Params, months: readonly number[]) =>
	`SELECT unnest(${p.add(sqlList('INTEGER', months))}) AS mi`;

/**
 * The months the repair data covers, as DATE columns `first_month` / `last_month` of one row: from
 * the first to the last month with repairs (`months`, repairMonths; no filters), narrowed to the
 * from/to window. Before the first repair export or after the last, a zero would be an unknown read
 * as "no defects", so no series reaches outside; inside, a filtered model without repairs in a month
 * really had none. No repairs at all gives no row, a window outside them first_month > last_month:
 * either way no months.
 */
export function coverageSql(p: Params, query: MetricQuery, months: readonly number[]): string {
	const first = [monthOfIndexSql('min(mi)')];
	const last = [monthOfIndexSql('max(mi)')];
	if (query.from) first.push(`CAST(date_trunc('month', CAST(${p.add(query.from)} AS DATE)) AS DATE)`);
	if (query.to) last.push(`CAST(date_trunc('month', CAST(${p.add(query.to)} AS DATE)) AS DATE)`);
	// greatest/least skip NULLs, so no months at all must give no row rather than the window.
	return `SELECT greatest(${first.join(', ')}) AS first_month, least(${last.join(', ')}) AS last_month
		FROM (${monthsRelation(p, months)}) HAVING count(*) > 0`;
}

/**
 * The months of the coverage in the one-row relation `span` (coverageSql) as column `m`: the months
 * with repairs and the gaps between them (monthGridSql), so a repair dated decades off adds one month.
 */
export function coverageMonthsSql(p: Params, span: string, months: readonly number[]): string {
	const dates = `(SELECT ${monthOfIndexSql('mi')} AS m FROM (${monthsRelation(p, months)}))`;
	return `SELECT g.m FROM (${monthGridSql(dates)}) g, ${span} WHERE g.m BETWEEN ${span}.first_month AND ${span}.last_month`;
}
