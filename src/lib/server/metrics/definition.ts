import type { FilterName, MetricQuery } from '$lib/domain/metrics/query';
import type { MetricId, MetricRows } from '$lib/domain/metrics/rows';
import type { Database } from '../db/connection';
import type { MetricParams } from './config';

export interface MetricContext {
	db: Database;
	query: MetricQuery;
	params: MetricParams;
}

/** One metric of the registry: what it accepts and how it is computed (its SQL lives in its family module). */
export interface MetricDefinition<Id extends MetricId = MetricId> {
	id: Id;
	/** Dimensions accepted by --by (column names); the first is the default. Empty: no grouping. */
	dimensions: readonly string[];
	filters: readonly FilterName[];
	/** Config params it reads (shown beside its definition). */
	uses: readonly (keyof MetricParams)[];
	run(ctx: MetricContext): Promise<MetricRows[Id][]>;
}

/** Any one metric, its rows tied to its id (a family's list checks each run against its id's row). */
export type AnyMetricDefinition = { [Id in MetricId]: MetricDefinition<Id> }[MetricId];
