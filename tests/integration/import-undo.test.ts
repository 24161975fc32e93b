import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/connection';
import { REBUILD_REPAIR_SEQUENCE_SQL } from '../../src/lib/server/db/repair-sequence';
import { importFile } from '../../src/lib/server/ingest';
import { undoBatch, undoPreview } from '../../src/lib/server/ingest/undo';
import { runMetric } from '../../src/lib/server/metrics/registry';
import { useTempDatabase } from '../helpers/temp-db';

/**
 * Undoing an import puts the record tables back as they were before it (checksums of every row),
 * and is refused while a later, not undone import changed the same records. An undone later batch
 * no longer blocks: its undo restored the earlier batch's versions.
 */
const HEADER = 'repair_id,received_at,product_model,serial_no,sold_at,defect_code';
const A = [
	'R1,2025-01-05 08:00,M1,SN1,2024-12-01,E1',
	'R2,2025-02-05 08:00,M1,SN1,2024-12-01,E2',
	'R3,2025-02-10 10:00,M1,SN2,2024-11-15,E1'
];
const B = [
	'R2,2025-02-05 08:00,M1,SN1,2024-12-01,E6', // changes A's R2
	'R4,2025-01-20 11:00,M1,SN1,2024-12-01,E1' // new, before R2 on SN1: moves the sequence
];
const BOOKKEEPING = new Set(['import_batches', 'audit_log', 'rejected_rows', 'schema_migrations']);

const current = useTempDatabase({ each: true });
const fresh = useTempDatabase({ each: true });

/** A repairs file in the temp folder. */
function csv(dir: string, name: string, rows: string[]): string {
	const path = join(dir, name);
	writeFileSync(path, `${[HEADER, ...rows].join('\n')}\n`);
	return path;
}

/** Row count and checksum of every table of the database file (not the in-memory summaries) but the import bookkeeping. */
async function snapshot(db: Database): Promise<Record<string, string>> {
	const tables = await db.query(
		"SELECT table_name FROM information_schema.tables WHERE table_catalog = current_database() AND table_schema = 'main' AND table_type = 'BASE TABLE' ORDER BY 1"
	);
	const out: Record<string, string> = {};
	for (const { table_name } of tables) {
		const name = String(table_name);
		if (BOOKKEEPING.has(name)) continue;
		const [r] = await db.query(
			`SELECT count(*) AS n, coalesce(sum(hash(t)::HUGEINT), 0) AS h FROM ${name} t`
		);
		out[name] = `${r.n}:${r.h}`;
	}
	return out;
}

const repairs = async (db: Database) =>
	db.query(
		`SELECT repair_id, defect_code, batch_id, first_repair_of_unit, CAST(next_repair_at AS VARCHAR) AS next_at
		FROM repairs ORDER BY repair_id`
	);

describe('undo an import batch', () => {
	it('removes what a batch of new records inserted', async () => {
		const { db, dir } = current;
		const before = await snapshot(db);
		const a = await importFile(db, csv(dir, 'a.csv', A), { kind: 'repair' });
		expect(await undoPreview(db, a.batchId)).toMatchObject({ toDelete: 3, toRestore: 0, blockedBy: [] });
		const result = await undoBatch(db, a.batchId, 'tester');
		expect(result).toMatchObject({ toDelete: 3, toRestore: 0 });
		expect(await snapshot(db)).toEqual(before);
		const [audit] = await db.query(
			"SELECT CAST(detail AS VARCHAR) AS d FROM audit_log WHERE action = 'import.undo'"
		);
		expect(JSON.parse(String(audit.d))).toMatchObject({ deleted: 3, restored: 0 });
		await expect(undoBatch(db, a.batchId, 'tester')).rejects.toMatchObject({
			status: 409,
			key: 'ingest.undo.alreadyUndone'
		});
		// Re-importing the same file after the undo stores the records again.
		const again = await importFile(db, csv(dir, 'a.csv', A), { kind: 'repair' });
		expect(again.accepted).toBe(3);
	});

	it('restores the versions a later batch replaced; then the earlier batch can be undone', async () => {
		const { db, dir } = current;
		const empty = await snapshot(db);
		const a = await importFile(db, csv(dir, 'a.csv', A), { kind: 'repair' });
		const afterA = await snapshot(db);
		const repairsA = await repairs(db);
		const monthlyA = await runMetric(db, 'defects.monthly', { filters: {} });
		const b = await importFile(db, csv(dir, 'b.csv', B), { kind: 'repair' });
		expect(b).toMatchObject({ accepted: 1, updated: 1 });
		expect(await runMetric(db, 'defects.monthly', { filters: {} })).not.toEqual(monthlyA);

		await expect(undoBatch(db, a.batchId, 'tester')).rejects.toMatchObject({
			status: 409,
			key: 'ingest.undo.blocked',
			details: { blockedBy: [{ id: b.batchId, fileName: 'b.csv' }] }
		});
		expect(await undoPreview(db, b.batchId)).toMatchObject({ toDelete: 1, toRestore: 1, blockedBy: [] });
		await undoBatch(db, b.batchId, 'tester');
		expect(await snapshot(db)).toEqual(afterA);
		expect(await repairs(db)).toEqual(repairsA);
		// The metric cache keys on the data version, which the undo's write changed.
		expect(await runMetric(db, 'defects.monthly', { filters: {} })).toEqual(monthlyA);

		expect((await undoPreview(db, a.batchId)).blockedBy).toEqual([]);
		await undoBatch(db, a.batchId, 'tester');
		expect(await snapshot(db)).toEqual(empty);
	});

	it('leaves the derived columns as a fresh import of the remaining data would', async () => {
		const { db, dir } = current;
		await importFile(db, csv(dir, 'a.csv', A), { kind: 'repair' });
		const b = await importFile(db, csv(dir, 'b.csv', [B[1]]), { kind: 'repair' });
		await undoBatch(db, b.batchId, 'tester');
		const undone = await repairs(db);
		await db.write((conn) => conn.run(REBUILD_REPAIR_SEQUENCE_SQL));
		expect(await repairs(db)).toEqual(undone);
		await importFile(fresh.db, csv(fresh.dir, 'a.csv', A), { kind: 'repair' });
		const strip = (rows: Awaited<ReturnType<typeof repairs>>) =>
			rows.map((r) => [r.repair_id, r.defect_code, r.first_repair_of_unit, r.next_at]);
		expect(strip(undone)).toEqual(strip(await repairs(fresh.db)));
	});

	it('is asked for with --yes on the command line', async () => {
		const { dir } = current;
		const workbench = (args: string[]) =>
			spawnSync(process.execPath, ['bin/workbench.js', ...args], {
				env: { ...process.env, WORKBENCH_DB: join(dir, 'cli.duckdb') },
				encoding: 'utf8'
			});
		const imported = workbench(['import', csv(dir, 'a.csv', A), '--kind', 'repair', '--json']);
		const { batchId } = JSON.parse(imported.stdout);
		const asked = workbench(['import', 'undo', String(batchId), '--json']);
		expect(asked.status).toBe(2);
		expect(JSON.parse(asked.stdout)).toMatchObject({ toDelete: 3, toRestore: 0, blockedBy: [] });
		expect(asked.stderr).toContain('--yes');
		const done = workbench(['import', 'undo', String(batchId), '--yes', '--json']);
		expect(done.status).toBe(0);
		expect(JSON.parse(done.stdout)).toMatchObject({ toDelete: 3, toRestore: 0 });
		expect(workbench(['import', 'undo', String(batchId), '--yes']).status).toBe(1);
	});
});
