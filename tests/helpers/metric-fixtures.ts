import { join } from 'node:path';
import { expect } from 'vitest';
import type { MetricQuery, MetricRow } from '../../src/lib/domain/metrics/query';
import type { Kind } from '../../src/lib/domain/records';
import type { Database } from '../../src/lib/server/db/connection';
import { importFile } from '../../src/lib/server/ingest';
import { runMetric } from '../../src/lib/server/metrics/registry';
import { tempDatabase, useTempDatabase, type BlockDatabase, type TempDatabase } from './temp-db';

/** Imports the files of `dir` in order; with `whole`, each must import whole (no row rejected). */
async function importFixtures(db: Database, dir: string, files: [string, Kind][], whole: boolean) {
	for (const [file, kind] of files) {
		const result = await importFile(db, join(dir, file), { kind });
		if (whole) expect(result.rejected, file).toBe(0);
	}
}

/**
 * A temp database for the enclosing block holding the files of `dir`, imported in order; unless
 * `whole` is false, each must import whole (no row rejected).
 */
export function useFixtures(dir: string, files: [string, Kind][], { whole = true } = {}): BlockDatabase {
	return useTempDatabase({ fill: (db) => importFixtures(db, dir, files, whole) });
}

export type FixtureDb = TempDatabase;

/**
 * A temp database holding the fixture files of `dir`, each imported whole; the caller removes it (a
 * test with its own hooks; in a describe block, useFixtures).
 */
export async function loadFixtures(dir: string, files: [string, Kind][]): Promise<FixtureDb> {
	const ctx = await tempDatabase();
	await importFixtures(ctx.db, dir, files, true);
	return ctx;
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
