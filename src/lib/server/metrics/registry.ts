import { limitToScope } from '$lib/domain/auth/scope';
import { isCalendarDay } from '$lib/domain/dates';
import type { FilterName, MetricInfo, MetricQuery, MetricResult } from '$lib/domain/metrics/query';
import type { MetricId, MetricRows } from '$lib/domain/metrics/rows';
import type { Database } from '../db/connection';
import { loadMetricConfig } from './config';
import type { AnyMetricDefinition, MetricDefinition } from './definition';
import { MetricQueryError } from './errors';
import { keptRows } from './month-window';
import { FAMILY_METRICS } from './families';
import { metrics as overview } from './overview';

/** Every metric the UI, the CLI and the reports can show. */
const REGISTRY: ReadonlyMap<string, AnyMetricDefinition> = new Map(
	[...FAMILY_METRICS, ...overview].map((m) => [m.id, m])
);

/**
 * The query as the metric runs it: dates, dimension and filters checked, and limited to the user's
 * scope it carries (refused when the metric cannot be limited so). The scope is applied here again,
 * whatever the caller did, so no path to a metric's SQL skips it.
 */
function validate(def: AnyMetricDefinition, asked: MetricQuery): MetricQuery {
	const query = limitToScope(def.id, def.filters, asked);
	for (const [name, date] of [
		['from', query.from],
		['to', query.to]
	] as const) {
		if (date !== undefined && !isCalendarDay(date))
			throw new MetricQueryError('metric.badDate', { name, value: date });
	}
	if (query.from && query.to && query.from > query.to) throw new MetricQueryError('metric.fromAfterTo');
	if (query.by !== undefined && !def.dimensions.includes(query.by)) {
		throw def.dimensions.length
			? new MetricQueryError('metric.badDimension', {
					metric: def.id,
					dimensions: def.dimensions.join(', '),
					by: query.by
				})
			: new MetricQueryError('metric.noDimension', { metric: def.id });
	}
	for (const name of Object.keys(query.filters)) {
		if (!def.filters.includes(name as FilterName)) {
			throw new MetricQueryError('metric.badFilter', {
				metric: def.id,
				filters: def.filters.join(', ') || '(none)',
				name
			});
		}
	}
	return { ...query, by: query.by ?? def.dimensions[0] };
}

/** The id of every metric, in the registry's order. */
export const metricIds = (): string[] => [...REGISTRY.keys()];

export function metricDefinition<Id extends MetricId>(id: Id): MetricDefinition<Id>;
export function metricDefinition(id: string): AnyMetricDefinition;
export function metricDefinition(id: string): AnyMetricDefinition {
	const def = REGISTRY.get(id);
	if (!def) throw new MetricQueryError('metric.unknown', { id, ids: metricIds().join(', ') });
	return def;
}

/** A metric's rows, typed by its id: the one way every caller (web, CLI, reports) gets a number. */
export async function metricRows<Id extends MetricId>(
	db: Database,
	id: Id,
	query: MetricQuery
): Promise<MetricRows[Id][]> {
	// The registry keys each definition by its own id, so the one found for `id` is that id's.
	const def = metricDefinition(id) as MetricDefinition<Id>;
	const { params } = await loadMetricConfig();
	const checked = validate(def as AnyMetricDefinition, query);
	return keptRows(db, def, checked, params);
}

/** A metric by a name users typed (CLI, API): its rows as the JSON both print. */
export async function runMetric(db: Database, id: string, query: MetricQuery): Promise<MetricResult> {
	return { metric: id, rows: await metricRows(db, metricDefinition(id).id, query) };
}

/** Titles, units and definitions for the UI tooltips and report appendices. */
export async function metricInfos(): Promise<MetricInfo[]> {
	const config = await loadMetricConfig();
	return [...REGISTRY.values()].map((def) => {
		const text = config.metrics[def.id];
		return {
			id: def.id,
			title: { zh: text?.title_zh ?? def.id, en: text?.title_en ?? def.id },
			unit: text?.unit ?? '',
			definition: { zh: text?.definition_zh ?? '', en: text?.definition_en ?? '' },
			dimensions: [...def.dimensions],
			filters: [...def.filters],
			params: Object.fromEntries(def.uses.map((k) => [k, config.params[k]]))
		};
	});
}
