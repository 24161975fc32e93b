import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { UserError } from '$lib/domain/errors';
import { sanitiseText } from '$lib/domain/sanitise';
import { settings } from '$lib/server/config';
import type { ImportResult } from '$lib/domain/ingest/api';
import { DatabaseBusyError, type Database } from '../db/connection';
import { ImportError, type IngestKey } from './errors';
import { commitImport } from './import-commit';
import { assertReadable, planImport, reporter } from './import-plan';
import { stageImport } from './import-stage';
import type { ImportOptions } from './types';

/**
 * What the user sees of a failure: a refusal or a busy database as it is; anything else (an engine
 * or system error, whose text quotes server paths and the file's bytes) as one internal-error
 * message, with the detail in the server log.
 */
function userFacing(error: unknown, fileName: string): unknown {
	if (error instanceof ImportError && error.file === undefined) {
		return new ImportError(error.code, error.key as IngestKey, error.params, error.details, fileName);
	}
	if (error instanceof UserError || error instanceof DatabaseBusyError) return error;
	const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
	console.error(`import of ${fileName} failed: ${sanitiseText(detail, 4000)}`);
	return new ImportError('internal', 'ingest.importFailed', {}, {}, fileName);
}

/**
 * Imports one export file as one batch: plan (options and profile), stage (read and check the file
 * in DuckDB), commit (write it). Everything it writes (records, history, rejected rows, the batch,
 * a saved profile) is one transaction: a failure or a killed process leaves the database as it was.
 */
export async function importFile(db: Database, path: string, options: ImportOptions): Promise<ImportResult> {
	const started = Date.now();
	const report = reporter(options);
	await assertReadable(path);
	const work = await mkdtemp(join(tmpdir(), 'workbench-import-'));
	try {
		return await db.session(async (conn) => {
			report('reading', 0);
			// Staging and normalising a large file holds it in memory several times; a limit makes
			// DuckDB spill to disk instead, keeping the import process small. Writes are serialised, so
			// no other import shares the setting; reads during the import share it.
			await conn.run(`SET memory_limit = '${settings().WORKBENCH_IMPORT_MEMORY}'`);
			const plan = await planImport(db, path, options);
			const staged = await stageImport(conn, plan, work, report);
			return commitImport(conn, plan, staged, started, report);
		});
	} catch (error) {
		throw userFacing(error, options.fileName ?? basename(path));
	} finally {
		await db.session((conn) => conn.run('RESET memory_limit')).catch(() => undefined);
		await rm(work, { recursive: true, force: true });
	}
}
