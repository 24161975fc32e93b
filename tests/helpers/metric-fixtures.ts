import { join } from 'node:path';
import { expect } from 'vitest';
import type { MetricQuery, MetricRow } from '../../src/lib/domain/metrics/query';
import type { Kind } from '../../src/lib/domain/records';
import type { Database } from '../../src/lib/server/db/connection';
import { importFile } from '../../src/lib/server/ingest';
import { runMetric } from '../../src/lib/server/metrics/registry';
import { tempDatabase } from './temp-db';

export type FixtureDb = Awaited<ReturnType<typeof tempDatabase>>;

/** A temp database holding the fixture files of `dir`, each imported whole (no row rejected). */
export async function loadFixtures(dir: string, files: [string, Kind][]): Promise<FixtureDb> {
	const ctx = await tempDatabase();
	for (const [file, kind] of files) {
		const result = await importFile(ctx.db, join(dir, file), { kind });
		expect(result.rejected, file).toBe(0);
	}
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
