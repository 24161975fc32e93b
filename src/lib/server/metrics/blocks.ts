/**
 * What the analytics page loads hand their pages: each metric's rows (typed by its id), or the error
 * that stopped it, and the filters it ignored. No SQL here; every number comes through the registry.
 */
import type { FilterOptions } from '$lib/domain/metrics/filter-options';
import { FILTER_NAMES, type FilterName, type MetricInfo, type MetricQuery } from '$lib/domain/metrics/query';
import type { MetricId, MetricRows } from '$lib/domain/metrics/rows';
import type { Database } from '$lib/server/db/connection';
import { filterOptions, metricTables } from './filter-options';
import type { Coverage } from '$lib/domain/metrics/coverage';
import { coverage } from './coverage';
import { metricInfos, metricRows } from './registry';

/** One metric's result for a page: rows, or the error that stopped it, and the filters it ignored. */
export interface MetricBlock<Row> {
	id: string;
	rows: Row[];
	error: string | null;
	/** Filters of the page that this metric does not accept (it was computed without them). */
	ignored: FilterName[];
	/** The dimension used (for metrics with --by). */
	by: string | null;
}

export async function infoMap(): Promise<Record<string, MetricInfo>> {
	return Object.fromEntries((await metricInfos()).map((info) => [info.id, info]));
}

/**
 * Runs one metric with the page's query: filters the metric does not accept are dropped (and reported),
 * `by` is used only when the metric accepts it; the user's scope is never dropped (the registry refuses
 * a metric that cannot honour it). A failure is returned, not thrown, so one metric that
 * cannot be computed does not take the whole page down.
 */
export async function loadMetric<Id extends MetricId>(
	db: Database,
	infos: Record<string, MetricInfo>,
	id: Id,
	query: MetricQuery,
	by?: string
): Promise<MetricBlock<MetricRows[Id]>> {
	const info = infos[id];
	const accepted = new Set(info?.filters ?? []);
	const filters: MetricQuery['filters'] = {};
	const ignored: FilterName[] = [];
	for (const [name, values] of Object.entries(query.filters) as [FilterName, string[]][]) {
		if (accepted.has(name)) filters[name] = values;
		else ignored.push(name);
	}
	const dimension = by && info?.dimensions.includes(by) ? by : (info?.dimensions[0] ?? null);
	try {
		const rows = await metricRows(db, id, {
			from: query.from,
			to: query.to,
			by: dimension ?? undefined,
			filters,
			scope: query.scope
		});
		return { id, rows, error: null, ignored, by: dimension };
	} catch (e) {
		return { id, rows: [], error: e instanceof Error ? e.message : String(e), ignored, by: dimension };
	}
}

/** The filters any of the page's metrics accepts, in the registry's order (for the filter bar). */
function pageFilters(infos: Record<string, MetricInfo>, ids: readonly MetricId[]): FilterName[] {
	const accepted = new Set(ids.flatMap((id) => infos[id]?.filters ?? []));
	return FILTER_NAMES.filter((f) => accepted.has(f));
}

/** A metric of a page: its id, with the page's dimension when the metric groups (`--by`). */
export type BlockSpec = MetricId | { id: MetricId; by?: string };

type SpecId<S extends BlockSpec> = S extends { id: infer Id extends MetricId } ? Id : S & MetricId;

/**
 * What an analytics page load returns: the metric infos, its query, the filter bar's filters and their
 * choices from the tables the page reads, and one block per spec.
 */
export type PageBlocks<Specs extends Record<string, BlockSpec>> = {
	infos: Record<string, MetricInfo>;
	query: MetricQuery;
	filters: FilterName[];
	options: FilterOptions;
	/** Records per kind, for the cards' empty and partial states. */
	coverage: Coverage;
} & { [K in keyof Specs]: MetricBlock<MetricRows[SpecId<Specs[K]>]> };

/**
 * The blocks of an analytics page, run side by side with the page's query (loadMetric), named as in
 * `specs`; the filter bar offers the filters any of them accepts (pageFilters) with their choices
 * (filterOptions).
 */
export async function loadPage<const Specs extends Record<string, BlockSpec>>(
	db: Database,
	query: MetricQuery,
	specs: Specs
): Promise<PageBlocks<Specs>> {
	const infos = await infoMap();
	const entries = Object.entries(specs).map(([name, spec]) => {
		const { id, by } = typeof spec === 'string' ? { id: spec, by: undefined } : spec;
		return { name, id, by };
	});
	const [options, counts, blocks] = await Promise.all([
		filterOptions(db, metricTables(entries.map((e) => e.id)), query),
		coverage(db, query),
		Promise.all(entries.map(({ id, by }) => loadMetric(db, infos, id, query, by)))
	]);
	return {
		infos,
		query,
		options,
		coverage: counts,
		filters: pageFilters(
			infos,
			entries.map((e) => e.id)
		),
		...Object.fromEntries(entries.map((e, i) => [e.name, blocks[i]]))
	} as PageBlocks<Specs>;
}
