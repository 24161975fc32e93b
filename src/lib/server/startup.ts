import { removePartialEvidence, removeUnreferencedEvidence } from './assessment/evidence';
import { getDatabase, type Database } from './db/connection';
import { keepSummaries } from './metrics/summaries';
import { removePartialUploads } from './ingest/uploads';
import { removeOrphanWorkDirs } from './ingest/work-dir';
import { startScheduler, type Scheduler } from './reports/schedule-runner';
import { publishServer } from './server-info';

/**
 * Removes the temp files a killed process left behind: half-written uploads and evidence files, and
 * the work folders of imports whose process is gone. Nothing of a job running in this process is
 * touched. Returns the paths and upload ids removed.
 */
export async function removeStaleTempFiles(): Promise<string[]> {
	const removed = await Promise.all([
		removeOrphanWorkDirs(),
		removePartialUploads(),
		removePartialEvidence()
	]);
	return removed.flat();
}

/**
 * What the server's start clears of an earlier, killed run: the temp files, and evidence files
 * stored by an upload whose row never committed. Returns the paths and upload ids removed.
 */
export async function recoverFromKilledRuns(db: Database): Promise<string[]> {
	return [...(await removeStaleTempFiles()), ...(await removeUnreferencedEvidence(db))];
}

let scheduler: Scheduler | null = null;

/**
 * The server's start: opens the database, whose file lock means no other workbench process shares
 * its folders (a second server fails here), then clears what an earlier, killed run left, builds the
 * summaries the metrics read (summaries.ts) and starts the report schedules (catching up missed runs in
 * the background). It says where it listens beside the database file (server-info.ts), for the CLI to
 * send its imports, metrics and reports to. A database in use is reported by the first request, as
 * before; the folders are then left alone.
 */
export async function startServer(): Promise<void> {
	const db = await getDatabase().catch(() => null);
	if (!db) return;
	publishServer(db.path);
	await recoverFromKilledRuns(db);
	await keepSummaries(db);
	scheduler ??= startScheduler(db);
}
