import type { Database } from '../db/connection';
import { loadMetricConfig } from './config';
import { FAMILY_METRICS } from './families';
import { prepareOptionCubes } from './option-cube';
import { metricRows } from './registry';
import { prepareRepairRollups } from './repair-rollups';

/**
 * Builds the summaries the metrics read when they are ready (option-cube.ts, repair-rollups.ts) for the
 * current data and metric settings, then reads the whole history of each monthly metric without
 * filters (the reading every unfiltered window of whole months is a slice of: month-window.ts, the
 * overview's figures and signals included); resolves when all are done or have failed. It never
 * fails: without a summary (or with a metric configuration that does not load) the records answer,
 * and the metrics report their own errors.
 */
export async function prepareSummaries(db: Database): Promise<void> {
	try {
		const { params } = await loadMetricConfig();
		await Promise.all([prepareOptionCubes(db, params), prepareRepairRollups(db, params)]);
		await Promise.all(
			FAMILY_METRICS.filter((m) => m.rowPerMonth).map((m) => metricRows(db, m.id, { filters: {} }))
		);
	} catch {
		// See above: nothing to build now; the next write tries again.
	}
}

/**
 * The server's summaries: built before it serves its first request, and again after each write to the
 * data, in the background. The CLI builds none — one question does not pay for a summary — and reads
 * the records.
 */
export async function keepSummaries(db: Database): Promise<void> {
	if (!kept.has(db)) {
		kept.add(db);
		db.onDataChange(() => void prepareSummaries(db));
	}
	await prepareSummaries(db);
}

const kept = new WeakSet<Database>();
