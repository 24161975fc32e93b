import { join } from 'node:path';
import { expect } from 'vitest';
import type { MetricQuery, MetricRow } from '../../src/lib/domain/metrics/query';
import type { Kind } from '../../src/lib/domain/records';
import type { Database } from '../../src/lib/server/db/connection';
import { importFile } from '../../src/lib/server/ingest';
import { runMetric } from '../../src/lib/server/metrics/registry';
import { useTempDatabase, type BlockDatabase } from './temp-db';

async function importFiles(db: Database, dir: string, files: [string, Kind][]) {
	const results = [];
	for (const [file, kind] of files) results.push(await importFile(db, join(dir, file), { kind }));
	return results;
}

/**
 * A temp database for the enclosing block holding the files of `dir`, imported in order; unless
 * `whole` is false, each must import whole (no row rejected).
 */
export function useFixtures(dir: string, files: [string, Kind][], { whole = true } = {}): BlockDatabase {
	return useTempDatabase({
		fill: async (db) => {
			const results = await importFiles(db, dir, files);
			if (whole) results.forEach((result, i) => expect(result.rejected, files[i][0]).toBe(0));
		}
	});
}

/** The rows of a metric, without filters unless the query gives some. */
export async function metricRows(
	db: Database,
	id: string,
	query: Partial<MetricQuery> = {}
): Promise<MetricRow[]> {
	return (await runMetric(db, id, { filters: {}, ...query })).rows;
}

/** A repairs.repeat row of a month not yet followed for 30 days: no counts, neither window mature. */
export const immatureRepeat = (month: string, repairs: number): MetricRow => ({
	month,
	repairs,
	repeat_30d: null,
	repeat_rate_30d: null,
	repeat_90d: null,
	repeat_rate_90d: null,
	mature_30d: false,
	mature_90d: false
});

/** A returns.monthly row of one return and no units sold, within every target, nothing pending. */
export const oneReturnWithinTargets = (month: string): MetricRow => ({
	month,
	returns: 1,
	units_sold: 0,
	return_rate: null,
	exchanges: 0,
	refunds: 0,
	counter_within_target_share: 1,
	inspection_within_target_share: 1,
	inspection_within_target_share_excl_refunds: 1,
	pending: 0,
	counter_pending: 0
});

/** A complaints.sla row of one complaint answered and resolved within target, nothing open or pending. */
export const oneComplaintWithinTargets = (month: string): MetricRow => ({
	month,
	complaints: 1,
	response_within_target_share: 1,
	resolution_within_target_share: 1,
	open: 0,
	pending: 0,
	response_pending: 0
});
