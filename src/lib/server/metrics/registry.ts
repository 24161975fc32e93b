import {
	FILTER_NAMES,
	type MetricInfo,
	type MetricQuery,
	type MetricResult
} from '$lib/domain/metrics/query';
import type { Database } from '../db/connection';
import { loadMetricConfig } from './config';
import type { MetricDefinition } from './definition';
import { metrics as complaints } from './complaints';
import { metrics as cost } from './cost';
import { metrics as defects } from './defects';
import { metrics as overview } from './overview';
import { metrics as repairs } from './repairs';
import { metrics as returns } from './returns';
import { metrics as satisfaction } from './satisfaction';
import { metrics as warranty } from './warranty';

/** Every metric the UI, the CLI and the reports can show. */
export const REGISTRY: ReadonlyMap<string, MetricDefinition> = new Map(
	[...defects, ...warranty, ...repairs, ...cost, ...returns, ...complaints, ...satisfaction, ...overview].map(
		(m) => [m.id, m]
	)
);

/** A request the registry refuses (unknown metric, dimension or filter; bad date). */
export class MetricQueryError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'MetricQueryError';
	}
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function validate(def: MetricDefinition, query: MetricQuery): MetricQuery {
	for (const [name, date] of [
		['from', query.from],
		['to', query.to]
	] as const) {
		if (date !== undefined && (!DATE.test(date) || Number.isNaN(Date.parse(date)))) {
			throw new MetricQueryError(`--${name} must be a date YYYY-MM-DD, got "${date}"`);
		}
	}
	if (query.from && query.to && query.from > query.to) throw new MetricQueryError('--from is after --to');
	if (query.by !== undefined && !def.dimensions.includes(query.by)) {
		throw new MetricQueryError(
			def.dimensions.length
				? `${def.id} accepts --by ${def.dimensions.join(', ')}; not "${query.by}"`
				: `${def.id} does not accept --by`
		);
	}
	for (const name of Object.keys(query.filters)) {
		if (!def.filters.includes(name as (typeof FILTER_NAMES)[number])) {
			throw new MetricQueryError(
				`${def.id} accepts the filters ${def.filters.join(', ') || '(none)'}; not "${name}"`
			);
		}
	}
	return { ...query, by: query.by ?? def.dimensions[0] };
}

export function metricDefinition(id: string): MetricDefinition {
	const def = REGISTRY.get(id);
	if (!def) throw new MetricQueryError(`Unknown metric "${id}". Metrics: ${[...REGISTRY.keys()].join(', ')}`);
	return def;
}

/** Computes a metric: the one way every caller (web, CLI, reports) gets a number. */
export async function runMetric(db: Database, id: string, query: MetricQuery): Promise<MetricResult> {
	const def = metricDefinition(id);
	const config = await loadMetricConfig();
	const rows = await def.run({ db, query: validate(def, query), params: config.params });
	return { metric: id, rows };
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
