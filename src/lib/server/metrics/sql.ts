import { FILTER_COLUMNS, type FilterName, type MetricQuery } from '$lib/domain/metrics/query';
import type { SqlValue } from '../db/sql';

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
 * range on `dateColumn` and the filters the metric accepts. Column names come from FILTER_COLUMNS;
 * every value is a bound parameter.
 */
export function whereSql(
	p: Params,
	query: MetricQuery,
	options: { alias: string; dateColumn?: string; filters: readonly FilterName[] }
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
		if (!values?.length) continue;
		parts.push(`${col(FILTER_COLUMNS[name])} IN (${values.map((v) => p.add(v)).join(', ')})`);
	}
	return parts.join(' AND ');
}

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
