/**
 * The filter bar's choices from the data (faceted search): for each filter of OPTION_FILTERS, the
 * values of its column in the tables a page reads, with their record counts within the period and
 * the OTHER active filters — so a choice never leads to an empty page and the counts say how much
 * each one keeps. Columns come from FILTER_COLUMNS, values are bound parameters.
 */
import {
	OPTION_FILTERS,
	OPTION_TABLES,
	type FilterOption,
	type FilterOptions,
	type OptionFilter,
	type OptionTable
} from '$lib/domain/metrics/filter-options';
import { filterColumn, filterFits, type FilterName, type MetricQuery } from '$lib/domain/metrics/query';
import type { Database } from '../db/connection';
import { cached } from './cache';
import { loadMetricConfig, type MetricParams } from './config';
import { cubeCounts, tableDef, type OptionCount } from './option-cube';
import { Params, whereSql } from './sql';

/** The tables a metric reads, by its family (the overview's figures read every record table). */
const FAMILY_TABLES: Record<string, readonly OptionTable[]> = {
	defects: ['repairs'],
	repairs: ['repairs'],
	warranty: ['repairs'],
	cost: ['repairs'],
	returns: ['returns'],
	complaints: ['complaints'],
	satisfaction: ['surveys']
};

/** The record tables behind some metrics, in OPTION_TABLES order. */
export function metricTables(ids: readonly string[]): OptionTable[] {
	const used = new Set(ids.flatMap((id) => FAMILY_TABLES[id.split('.')[0]] ?? OPTION_TABLES));
	return OPTION_TABLES.filter((t) => used.has(t));
}

/**
 * The counts of one table read from its records: each filter's values narrowed by the period and the
 * active filters other than its own. A table takes part in a filter's counts only when it can apply every other active
 * filter (its records would otherwise be counted unfiltered). Filters narrowed by the same others —
 * all the inactive ones — share one scan (GROUPING SETS): a UNION ALL of one GROUP BY each read the
 * table once per filter, twice the time on the 5M-repair data, and the bar waits for these counts.
 */
export async function recordCounts(
	db: Database,
	table: OptionTable,
	query: MetricQuery,
	params: MetricParams
): Promise<OptionCount[]> {
	const { def, columns } = tableDef(table);
	const fits = (name: FilterName) => filterFits(name, table, columns);
	const active = Object.keys(query.filters) as FilterName[];
	const groups = new Map<string, { others: FilterName[]; names: OptionFilter[] }>();
	for (const name of OPTION_FILTERS) {
		const others = active.filter((f) => f !== name);
		if (!fits(name) || !others.every(fits)) continue;
		const key = others.join('|');
		if (!groups.has(key)) groups.set(key, { others, names: [] });
		groups.get(key)!.names.push(name);
	}
	if (!groups.size) return [];
	const p = new Params();
	const parts = [...groups.values()].map(({ others, names }) => {
		const where = whereSql(
			p,
			{ ...query, filters: Object.fromEntries(others.map((f) => [f, query.filters[f]])) },
			{ alias: 't', dateColumn: def.dateField, filters: others, params }
		);
		const column = (name: OptionFilter) => `t.${filterColumn(name)}`;
		// The row's grouping set is the one column grouping() reports as grouped (0).
		const pick = (value: (name: OptionFilter) => string) =>
			`CASE ${names.map((n) => `WHEN grouping(${column(n)}) = 0 THEN ${value(n)}`).join(' ')} END`;
		return `SELECT ${pick((n) => p.add(n))} AS filter, ${pick((n) => `CAST(${column(n)} AS VARCHAR)`)} AS value,
			count(*) AS count FROM ${table} t WHERE ${where}
			GROUP BY GROUPING SETS (${names.map((n) => `(${column(n)})`).join(', ')})`;
	});
	const rows = await db.query(
		`SELECT filter, value, count FROM (${parts.join(' UNION ALL ')}) WHERE value IS NOT NULL AND value <> ''`,
		p.values
	);
	return rows.map((r) => ({
		filter: r.filter as OptionFilter,
		value: String(r.value),
		count: Number(r.count)
	}));
}

/** The counts of one table: from its option cube when the cube can answer, else from its records. */
async function tableCounts(
	db: Database,
	table: OptionTable,
	query: MetricQuery,
	params: MetricParams
): Promise<OptionCount[]> {
	return cubeCounts(db, table, query, params) ?? recordCounts(db, table, query, params);
}

/** The last day with records in `tables`, read once per version of the data (it knows no period or filter). */
async function latestDay(db: Database, tables: readonly OptionTable[]): Promise<string | null> {
	if (!tables.length) return null;
	return cached(db, JSON.stringify(['latest-day', tables]), async () => {
		const maxes = tables.map((t) => `SELECT max(CAST(${tableDef(t).def.dateField} AS DATE)) AS d FROM ${t}`);
		const [row] = await db.query(
			`SELECT CAST(max(d) AS VARCHAR) AS latest FROM (${maxes.join(' UNION ALL ')})`
		);
		return (row?.latest as string | null) ?? null;
	});
}

/**
 * The choices of the filter bar over `tables` for `query` (its period and filters; `by` is not
 * used). Counts of a value are summed over the tables; values come most records first.
 */
export async function filterOptions(
	db: Database,
	tables: readonly OptionTable[],
	query: MetricQuery
): Promise<FilterOptions> {
	const { params } = await loadMetricConfig();
	const key = JSON.stringify(['filter-options', tables, query.from, query.to, query.filters, params]);
	const all = await cached(db, key, async () => {
		const [counts, latest] = await Promise.all([
			Promise.all(tables.map((t) => tableCounts(db, t, query, params))),
			latestDay(db, tables)
		]);
		const sums = new Map<OptionFilter, Map<string, number>>();
		for (const { filter, value, count } of counts.flat()) {
			const values = sums.get(filter) ?? new Map<string, number>();
			values.set(value, (values.get(value) ?? 0) + count);
			sums.set(filter, values);
		}
		const options: FilterOptions['options'] = {};
		for (const name of OPTION_FILTERS) {
			const offered = tables.some((t) => filterFits(name, t, tableDef(t).columns));
			if (!offered) continue;
			options[name] = [...(sums.get(name) ?? [])]
				.map(([value, count]): FilterOption => ({ value, count }))
				.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'zh-CN'));
		}
		return { options, latest };
	});
	return withinScope(all, query.scope);
}

/**
 * A facet is counted without its own filter, so the region and model lists would name values outside a
 * scoped user's scope: those are left out (the other facets are already narrowed by the scope's filters).
 */
function withinScope(all: FilterOptions, scope: MetricQuery['scope']): FilterOptions {
	if (!scope) return all;
	const options = { ...all.options };
	const limits = [
		['region', scope.regions],
		['model', scope.models]
	] as const;
	for (const [name, allowed] of limits) {
		if (allowed.length && options[name])
			options[name] = options[name].filter((o) => allowed.includes(o.value));
	}
	return { ...all, options };
}
