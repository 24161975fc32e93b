import type { FilterName, MetricQuery } from '$lib/domain/metrics/query';
import { monthGridSql, monthIndexSql, monthOfIndexSql, type Params } from './sql';

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
 * The months the repair data covers, as DATE columns `first_month` / `last_month` of one row: from
 * the first to the last received_at month of all repairs (no filters), narrowed to the from/to
 * window. Before the first repair export or after the last, a zero would be an unknown read as
 * "no defects", so no series reaches outside; inside, a filtered model without repairs in a month
 * really had none. No repairs at all gives no row, a window outside them first_month > last_month:
 * either way no months.
 */
export function coverageSql(p: Params, query: MetricQuery): string {
	const first = ["CAST(date_trunc('month', min(received_at)) AS DATE)"];
	const last = ["CAST(date_trunc('month', max(received_at)) AS DATE)"];
	if (query.from) first.push(`CAST(date_trunc('month', CAST(${p.add(query.from)} AS DATE)) AS DATE)`);
	if (query.to) last.push(`CAST(date_trunc('month', CAST(${p.add(query.to)} AS DATE)) AS DATE)`);
	// greatest/least skip NULLs, so an empty repairs table must give no row rather than the window.
	return `SELECT greatest(${first.join(', ')}) AS first_month, least(${last.join(', ')}) AS last_month
		FROM repairs HAVING count(*) > 0`;
}

/**
 * The months of the coverage in the one-row relation `span` (coverageSql) as column `m`: the months
 * with repairs and the gaps between them (monthGridSql), so a repair dated decades off adds one month.
 */
export function coverageMonthsSql(span: string): string {
	const months = `(SELECT ${monthOfIndexSql('mi')} AS m FROM (SELECT ${monthIndexSql('received_at')} AS mi FROM repairs GROUP BY 1))`;
	return `SELECT g.m FROM (${monthGridSql(months)}) g, ${span} WHERE g.m BETWEEN ${span}.first_month AND ${span}.last_month`;
}
