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
	/**
	 * Each row is one month (`month`) and depends on that month's records alone, never on the window
	 * around it: whole-month windows are sliced from the whole history (month-window.ts). A test checks
	 * the slices against runs on the window itself.
	 */
	rowPerMonth?: {
		/**
		 * The column counting the month's records, when the months listed run from the window's first
		 * to its last month with records (monthGridSql): a slice drops the months without any at its ends.
		 */
		recordsColumn?: string;
	};
	run(ctx: MetricContext): Promise<MetricRows[Id][]>;
}

/** Any one metric, its rows tied to its id (a family's list checks each run against its id's row). */
export type AnyMetricDefinition = { [Id in MetricId]: MetricDefinition<Id> }[MetricId];
