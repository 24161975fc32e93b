import { rm } from 'node:fs/promises';
import { settings } from '$lib/server/config';
import type { ImportResult } from '$lib/domain/ingest/api';
import type { Database } from '../db/connection';
import { commitImport } from './import-commit';
import { assertReadable, planImport, reporter } from './import-plan';
import { stageImport } from './import-stage';
import type { ImportOptions } from './types';
import { makeWorkDir } from './work-dir';

/**
 * Imports one export file as one batch: plan (options and profile), stage (read and check the file
 * in DuckDB), commit (write it). Everything it writes (records, history, rejected rows, the batch,
 * a saved profile) is one transaction: a failure or a killed process leaves the database as it was.
 */
export async function importFile(db: Database, path: string, options: ImportOptions): Promise<ImportResult> {
	const started = Date.now();
	const report = reporter(options);
	await assertReadable(path);
	const work = await makeWorkDir('import');
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
	} finally {
		await db.session((conn) => conn.run('RESET memory_limit')).catch(() => undefined);
		await rm(work, { recursive: true, force: true });
	}
}
