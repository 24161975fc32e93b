/**
 * What the analytics page loads hand their pages: each metric's rows (typed by its id), or the error
 * that stopped it, and the filters it ignored. No SQL here; every number comes through the registry.
 */
import {
	filterColumn,
	FILTER_NAMES,
	type FilterName,
	type MetricInfo,
	type MetricQuery
} from '$lib/domain/metrics/query';
import type { MetricId, MetricRows } from '$lib/domain/metrics/rows';
import type { Database } from '$lib/server/db/connection';
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
 * `by` is used only when the metric accepts it. A failure is returned, not thrown, so one metric that
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
			filters
		});
		return { id, rows, error: null, ignored, by: dimension };
	} catch (e) {
		return { id, rows: [], error: e instanceof Error ? e.message : String(e), ignored, by: dimension };
	}
}

/** The distinct non-empty values of a column of some rows (for the filter bar's suggestions). */
export function distinct<Row>(rows: readonly Row[], column: keyof Row): string[] {
	const values = new Set<string>();
	for (const row of rows) {
		const v = row[column];
		if (typeof v === 'string' && v !== '') values.add(v);
	}
	return [...values].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** The filters any of the page's metrics accepts, in the registry's order (for the filter bar). */
function pageFilters(infos: Record<string, MetricInfo>, ids: readonly MetricId[]): FilterName[] {
	const accepted = new Set(ids.flatMap((id) => infos[id]?.filters ?? []));
	return FILTER_NAMES.filter((f) => accepted.has(f));
}

/** Suggestions for the filter bar from a grouped metric's keys (`by` product_model → model …). */
export function suggestionsFrom(
	block: MetricBlock<{ key: string | null }>
): Partial<Record<FilterName, string[]>> {
	const name = FILTER_NAMES.find((f) => filterColumn(f) === block.by);
	return name ? { [name]: distinct(block.rows, 'key') } : {};
}

/** A metric of a page: its id, with the page's dimension when the metric groups (`--by`). */
export type BlockSpec = MetricId | { id: MetricId; by?: string };

type SpecId<S extends BlockSpec> = S extends { id: infer Id extends MetricId } ? Id : S & MetricId;

/** What an analytics page load returns: the metric infos, its query, the filter bar's filters and one block per spec. */
export type PageBlocks<Specs extends Record<string, BlockSpec>> = {
	infos: Record<string, MetricInfo>;
	query: MetricQuery;
	filters: FilterName[];
	/** Records per kind, for the cards' empty and partial states. */
	coverage: Coverage;
} & { [K in keyof Specs]: MetricBlock<MetricRows[SpecId<Specs[K]>]> };

/**
 * The blocks of an analytics page, run side by side with the page's query (loadMetric), named as in
 * `specs`; the filter bar offers the filters any of them accepts (pageFilters).
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
	const [blocks, counts] = await Promise.all([
		Promise.all(entries.map(({ id, by }) => loadMetric(db, infos, id, query, by))),
		coverage(db, query)
	]);
	return {
		infos,
		query,
		coverage: counts,
		filters: pageFilters(
			infos,
			entries.map((e) => e.id)
		),
		...Object.fromEntries(entries.map((e, i) => [e.name, blocks[i]]))
	} as PageBlocks<Specs>;
}
