/**
 * Shared by the analytics page loads (server only): parse the query string, run the page's metrics
 * through the registry, and hand the page plain rows. No SQL here — this is the "thin load" part.
 */
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { createT, type Locale } from '$lib/i18n';
import {
	FILTER_COLUMNS,
	FILTER_NAMES,
	type FilterName,
	type MetricInfo,
	type MetricQuery,
	type MetricRow
} from '$lib/domain/metrics/query';
import { getDatabase } from '$lib/server/db/connection';
import { parseMetricQuery } from '$lib/server/http/metric-query';
import { metricInfos, runMetric } from '$lib/server/metrics/registry';

/** One metric's result for a page: rows, or the error that stopped it, and the filters it ignored. */
export interface MetricBlock {
	id: string;
	rows: MetricRow[];
	error: string | null;
	/** Filters of the page that this metric does not accept (it was computed without them). */
	ignored: FilterName[];
	/** The dimension used (for metrics with --by). */
	by: string | null;
}

/** The page's query string as a MetricQuery; a malformed one is a 400 with a readable message. */
export function pageQuery(url: URL, locale: Locale, extra: readonly string[] = []): MetricQuery {
	try {
		const query = parseMetricQuery(url.searchParams, extra);
		for (const [name, value] of [
			['from', query.from],
			['to', query.to]
		] as const) {
			// the format is checked above; 2024-13-01 or 2024-02-30 is not a day
			const day = value ? new Date(`${value}T00:00:00Z`) : null;
			if (day && (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value))
				error(400, createT(locale)('query.invalid', { detail: `${name}: no such date "${value}"` }));
		}
		return query;
	} catch (e) {
		if (e instanceof z.ZodError) {
			const detail = e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
			error(400, createT(locale)('query.invalid', { detail }));
		}
		throw e;
	}
}

export async function infoMap(): Promise<Record<string, MetricInfo>> {
	return Object.fromEntries((await metricInfos()).map((info) => [info.id, info]));
}

/**
 * Runs one metric with the page's query: filters the metric does not accept are dropped (and reported),
 * `by` is used only when the metric accepts it. A failure is returned, not thrown, so one metric that
 * cannot be computed does not take the whole page down.
 */
export async function loadMetric(
	infos: Record<string, MetricInfo>,
	id: string,
	query: MetricQuery,
	by?: string
): Promise<MetricBlock> {
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
		const db = await getDatabase();
		const result = await runMetric(db, id, {
			from: query.from,
			to: query.to,
			by: dimension ?? undefined,
			filters
		});
		return { id, rows: result.rows, error: null, ignored, by: dimension };
	} catch (e) {
		return { id, rows: [], error: e instanceof Error ? e.message : String(e), ignored, by: dimension };
	}
}

/** The distinct non-empty values of a column of some rows (for the filter bar's suggestions). */
export function distinct(rows: MetricRow[], column: string): string[] {
	const values = new Set<string>();
	for (const row of rows) {
		const v = row[column];
		if (typeof v === 'string' && v !== '') values.add(v);
	}
	return [...values].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** The filters any of the page's metrics accepts, in the registry's order (for the filter bar). */
export function pageFilters(infos: Record<string, MetricInfo>, ids: readonly string[]): FilterName[] {
	const accepted = new Set(ids.flatMap((id) => infos[id]?.filters ?? []));
	return FILTER_NAMES.filter((f) => accepted.has(f));
}

/** Suggestions for the filter bar from a grouped metric's keys (`by` product_model → model …). */
export function suggestionsFrom(
	block: MetricBlock,
	keyColumn = 'key'
): Partial<Record<FilterName, string[]>> {
	const name = FILTER_NAMES.find((f) => FILTER_COLUMNS[f] === block.by);
	return name ? { [name]: distinct(block.rows, keyColumn) } : {};
}
