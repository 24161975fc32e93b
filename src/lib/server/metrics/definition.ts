import type { FilterName, MetricQuery, MetricRow } from '$lib/domain/metrics/query';
import type { Database } from '../db/connection';
import type { MetricParams } from './config';

export interface MetricContext {
	db: Database;
	query: MetricQuery;
	params: MetricParams;
}

/** One metric of the registry: what it accepts and how it is computed (its SQL lives in its family module). */
export interface MetricDefinition {
	id: string;
	/** Dimensions accepted by --by (column names); the first is the default. Empty: no grouping. */
	dimensions: readonly string[];
	filters: readonly FilterName[];
	/** Config params it reads (shown beside its definition). */
	uses: readonly (keyof MetricParams)[];
	run(ctx: MetricContext): Promise<MetricRow[]>;
}
