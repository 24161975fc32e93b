import { filterColumn, filterValues, type FilterName, type MetricQuery } from '$lib/domain/metrics/query';
import type { SqlValue } from '../db/sql';
import type { MetricParams } from './config';
import { MetricQueryError } from './errors';

/** Collects bound values while a query is written; `add` returns the placeholder. */
export class Params {
	readonly values: SqlValue[] = [];
	add(value: SqlValue): string {
		this.values.push(value);
		return `$${this.values.length}`;
	}
}

/**
 * Conditions (joined with AND, starting with "TRUE") for a table aliased `alias`: the inclusive date
 * range on `dateColumn` and the filters the metric accepts (an empty list matches nothing). Column names come from FILTER_COLUMNS;
 * every value is a bound parameter. A rule filter (in_warranty, on repairs) needs `params` for its
 * rule and refuses a value it does not know (a typo would otherwise select the opposite).
 */
export function whereSql(
	p: Params,
	query: MetricQuery,
	options: {
		alias: string;
		dateColumn?: string;
		filters: readonly FilterName[];
		params?: MetricParams;
		/** The warranty scope of a row that carries it already (a repair rollup), instead of the rule. */
		inWarranty?: string;
	}
): string {
	const parts = ['TRUE'];
	const col = (name: string) => `${options.alias}.${name}`;
	if (options.dateColumn && query.from)
		parts.push(`${col(options.dateColumn)} >= CAST(${p.add(query.from)} AS DATE)`);
	if (options.dateColumn && query.to) {
		parts.push(`${col(options.dateColumn)} < CAST(${p.add(query.to)} AS DATE) + INTERVAL 1 DAY`);
	}
	for (const name of options.filters) {
		const values = query.filters[name];
		if (!values) continue;
		// No value left (a filter outside the user's scope): nothing matches, never everything.
		if (!values.length) {
			parts.push('FALSE');
			continue;
		}
		const column = filterColumn(name);
		if (column) {
			parts.push(`${col(column)} IN (${values.map((v) => p.add(v)).join(', ')})`);
			continue;
		}
		checkRuleValues(name, values);
		if (!options.params && !options.inWarranty)
			throw new Error(`whereSql: the filter ${name} needs the metric params`);
		const wanted = values.map((v) => p.add(v === 'yes')).join(', ');
		const scope = options.inWarranty ?? inWarrantySql(p, options.params!, options.alias);
		parts.push(`(${scope}) IN (${wanted})`);
	}
	return parts.join(' AND ');
}

/** Refuses a value a rule filter does not know: a typo would otherwise select the opposite, or nothing. */
export function checkRuleValues(name: FilterName, values: readonly string[]): void {
	const allowed = filterValues(name) ?? [];
	const bad = values.find((v) => !allowed.includes(v));
	if (bad !== undefined)
		throw new MetricQueryError('metric.badFilterValue', { name, values: allowed.join(', '), value: bad });
}

/**
 * Warranty months of the model in `column`: params.warranty_months[model], else the default. The
 * model names and months are bound values; the CASE keeps it one expression (no temp table).
 */
export function warrantyMonthsSql(p: Params, params: MetricParams, column: string): string {
	const fallback = `CAST(${p.add(params.warranty_months_default)} AS INTEGER)`;
	const entries = Object.entries(params.warranty_months);
	if (!entries.length) return fallback;
	const whens = entries.map(
		([model, months]) => `WHEN ${p.add(model)} THEN CAST(${p.add(months)} AS INTEGER)`
	);
	return `CASE ${column} ${whens.join(' ')} ELSE ${fallback} END`;
}

/**
 * The warranty scope of the repair aliased `alias`, never NULL; the one rule every repair metric
 * and the in_warranty filter use. In warranty: in_warranty is true; or in_warranty is empty and the
 * repair was received on or before sold_at + W months (W of its model, warrantyMonthsSql; a month
 * end is kept, 2024-01-31 + 1 month = 2024-02-29); or both in_warranty and sold_at are empty (then
 * also unknown, warrantyUnknownSql): a repair is not taken out of the rate for a missing field.
 */
export function inWarrantySql(p: Params, params: MetricParams, alias: string): string {
	const months = warrantyMonthsSql(p, params, `${alias}.product_model`);
	return `coalesce(${alias}.in_warranty, ${alias}.sold_at IS NULL OR ${alias}.received_at < ${alias}.sold_at + to_months(${months}) + INTERVAL 1 DAY)`;
}

/** The repair aliased `alias` has neither in_warranty nor sold_at: counted in warranty, scope unknown. */
export const warrantyUnknownSql = (alias: string) =>
	`(${alias}.in_warranty IS NULL AND ${alias}.sold_at IS NULL)`;

/** Microseconds per unit: durations are compared as exact epoch_us differences, not timestamp arithmetic. */
export const US_PER = { minute: 60_000_000, hour: 3_600_000_000, day: 86_400_000_000 } as const;

/** A duration in whole microseconds, to compare with an epoch_us difference. */
export const durationUs = (amount: number, unit: keyof typeof US_PER) => Math.round(amount * US_PER[unit]);

/** "YYYY-MM" of a date or timestamp expression. */
export const monthSql = (expr: string) => `strftime(${expr}, '%Y-%m')`;

/**
 * Two months with data at most this many months apart are joined by the months between them. A
 * longer stretch without a single record is a gap in the exports rather than months of zeros, and a
 * stray far-off date adds its own month, not centuries of empty ones: a grid never holds more than
 * this many months per month with data.
 */
export const GRID_GAP_MONTHS = 24;

/**
 * The months of `relation`'s month column `m` (DATE, first of month), with the months between two of
 * them filled in up to GRID_GAP_MONTHS apart, so a series has no holes inside its data.
 */
export const monthGridSql = (relation: string) =>
	`SELECT CAST(unnest(generate_series(m,
		CASE WHEN next_m <= m + INTERVAL ${GRID_GAP_MONTHS} MONTH THEN next_m - INTERVAL 1 MONTH ELSE m END,
		INTERVAL 1 MONTH)) AS DATE) AS m
	FROM (SELECT m, lead(m) OVER (ORDER BY m) AS next_m FROM (SELECT DISTINCT m FROM ${relation} WHERE m IS NOT NULL))`;

/**
 * The month of a date or timestamp as one integer, year × 12 + month − 1. Grouping millions of rows
 * by it costs a fraction of grouping by date_trunc('month', …); monthOfIndexSql turns the grouped
 * few back into first-of-month dates.
 */
export const monthIndexSql = (expr: string) => `(year(${expr}) * 12 + month(${expr}) - 1)`;

/** The first day (DATE) of a month given as monthIndexSql's integer. */
export const monthOfIndexSql = (index: string) =>
	`make_date(CAST(${index} // 12 AS INTEGER), CAST(${index} % 12 + 1 AS INTEGER), 1)`;
