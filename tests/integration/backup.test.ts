import { spawnSync } from 'node:child_process';
import {
	copyFileSync,
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssessment } from '../../src/lib/server/assessment/assessments';
import { saveEvidence } from '../../src/lib/server/assessment/evidence';
import { backup, restore, type BackupManifest } from '../../src/lib/server/db/backup';
import { Database } from '../../src/lib/server/db/connection';
import { PERIOD, smallCatalogue } from '../helpers/assessment';
import { importDemoData } from '../helpers/demo-data';

const ROOT = join(import.meta.dirname, '../..');
let dir: string;
let manifest: BackupManifest;
const evidenceBytes = Buffer.from('%PDF-1.7 组织架构图\n');

/** Points every folder setting into `where` (a separate "machine"). */
function useMachine(where: string): void {
	process.env.WORKBENCH_EVIDENCE = join(where, 'evidence');
	process.env.WORKBENCH_METRICS = join(where, 'metrics.json');
	process.env.WORKBENCH_DB = join(where, 'db.duckdb');
}

async function checks(path: string) {
	const db = await Database.open(path);
	try {
		const tables = await db.query(
			`SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' ORDER BY table_name`
		);
		const out: Record<string, string> = {};
		for (const { table_name } of tables) {
			const [r] = await db.query(
				`SELECT count(*)::VARCHAR || ':' || coalesce(sum(hash(t)::HUGEINT), 0)::VARCHAR AS c FROM "${String(table_name)}" t`
			);
			out[String(table_name)] = String(r.c);
		}
		const [seq] = await db.query(`SELECT nextval('import_batch_seq') AS n`);
		return { out, nextBatch: Number(seq.n) };
	} finally {
		db.close();
	}
}

/**
 * A copy of the backup in `name`, as one made before the table files' hashes were recorded when
 * `withoutTableHashes`, so that damage to a table file reaches DuckDB.
 */
function copyOfBackup(name: string, withoutTableHashes = false): string {
	const copy = join(dir, name);
	cpSync(join(dir, 'backup'), copy, { recursive: true });
	if (withoutTableHashes) {
		const old: Partial<BackupManifest> = { ...manifest };
		delete old.database;
		writeFileSync(join(copy, 'manifest.json'), JSON.stringify(old));
	}
	return copy;
}

/** Flips bytes in the middle of a file, where a Parquet file keeps its compressed pages. */
function corrupt(path: string): void {
	const bytes = readFileSync(path);
	for (let i = 0; i < 64; i++) bytes[(bytes.length >> 1) + i] ^= 0xff;
	writeFileSync(path, bytes);
}

/** Rewrites one value of the first row of repairs.parquet, keeping its columns and row count. */
async function changeOneRepair(backupDir: string): Promise<void> {
	const file = join(backupDir, 'database', 'repairs.parquet');
	const scratch = await Database.open(':memory:');
	await scratch.session((conn) =>
		conn.run(
			`COPY (SELECT * EXCLUDE (file_row_number) REPLACE (CASE WHEN file_row_number = 0 THEN coalesce(NOT first_repair_of_unit, true) ELSE first_repair_of_unit END AS first_repair_of_unit)
			 FROM read_parquet('${file}', file_row_number = true) ORDER BY file_row_number) TO '${file}.new' (FORMAT parquet)`
		)
	);
	scratch.close();
	renameSync(`${file}.new`, file);
}

/** The restore left nothing behind: no database, no temp file. */
function nothingWritten(target: string): void {
	expect(existsSync(target)).toBe(false);
	expect(existsSync(`${target}.restoring`)).toBe(false);
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'workbench-backup-'));
	useMachine(join(dir, 'a'));
	mkdirSync(join(dir, 'a'));
	copyFileSync(join(ROOT, 'data/metrics.json'), join(dir, 'a', 'metrics.json'));
}, 10_000);
afterAll(() => {
	for (const name of ['WORKBENCH_EVIDENCE', 'WORKBENCH_METRICS', 'WORKBENCH_DB']) delete process.env[name];
	rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
	it('round-trips every table, the sequences, the evidence and the config exactly', async () => {
		const db = await Database.open(join(dir, 'a', 'db.duckdb'));
		await importDemoData(db);
		await createAssessment(db, PERIOD, smallCatalogue(), 'tester');
		await saveEvidence(
			db,
			{ assessmentId: 1, version: 1, leafId: '1.1.1', fileName: '组织架构图.pdf' },
			new Blob([evidenceBytes]).stream(),
			'tester'
		);
		manifest = await backup(db, join(dir, 'backup'));
		db.close();
		const before = await checks(join(dir, 'a', 'db.duckdb'));
		expect(manifest.tables.repairs.rows).toBeGreaterThan(1000);
		expect(manifest.files.map((f) => f.path.split('/')[0]).sort()).toEqual(['config', 'evidence']);

		useMachine(join(dir, 'b'));
		const { previous } = await restore(join(dir, 'backup'), join(dir, 'b', 'db.duckdb'), false);
		expect(previous).toBeNull();
		expect(await checks(join(dir, 'b', 'db.duckdb'))).toEqual(before);
		const stored = manifest.files.find((f) => f.path.startsWith('evidence'))!;
		expect(readFileSync(join(dir, 'b', stored.path))).toEqual(evidenceBytes);
		expect(readFileSync(join(dir, 'b', 'metrics.json'))).toEqual(
			readFileSync(join(ROOT, 'data/metrics.json'))
		);
	}, 120_000);

	it('refuses an existing database without --replace, and keeps it aside with it', async () => {
		const target = join(dir, 'b', 'db.duckdb');
		await expect(restore(join(dir, 'backup'), target, false)).rejects.toThrow(/already exists/);
		const { previous } = await restore(join(dir, 'backup'), target, true);
		expect(previous && existsSync(previous)).toBe(true);
	}, 120_000);

	it('refuses a backup of a newer schema and an altered file, changing nothing', async () => {
		const path = join(dir, 'backup', 'manifest.json');
		const original = readFileSync(path, 'utf8');
		writeFileSync(path, JSON.stringify({ ...manifest, schemaVersion: manifest.schemaVersion + 1 }));
		const target = join(dir, 'c', 'db.duckdb');
		await expect(restore(join(dir, 'backup'), target, false)).rejects.toThrow(/newer workbench/);
		writeFileSync(path, original);
		const evidence = manifest.files.find((f) => f.path.startsWith('evidence'))!;
		const file = join(dir, 'backup', evidence.path);
		const bytes = readFileSync(file);
		writeFileSync(file, 'tampered');
		await expect(restore(join(dir, 'backup'), target, false)).rejects.toThrow(/does not match its SHA-256/);
		writeFileSync(file, bytes);
		expect(existsSync(target)).toBe(false);
	});

	it('refuses a different metric configuration without --replace, and keeps it aside with it', async () => {
		const where = join(dir, 'm');
		mkdirSync(where);
		useMachine(where);
		const edited = '{"edited": "by hand"}\n';
		writeFileSync(join(where, 'metrics.json'), edited);
		const target = join(where, 'fresh.duckdb');
		await expect(restore(join(dir, 'backup'), target, false)).rejects.toThrow(
			/A different file already exists where config\/metrics\.json goes back/
		);
		nothingWritten(target);
		expect(readFileSync(join(where, 'metrics.json'), 'utf8')).toBe(edited);

		const { previous, previousFiles } = await restore(join(dir, 'backup'), target, true);
		expect(previous).toBeNull();
		expect(previousFiles).toEqual([expect.stringMatching(/metrics\.json\.before-restore-/)]);
		expect(readFileSync(previousFiles[0], 'utf8')).toBe(edited);
		expect(readFileSync(join(where, 'metrics.json'))).toEqual(readFileSync(join(ROOT, 'data/metrics.json')));

		// The same content where it goes back is no conflict: nothing to refuse or keep.
		const again = await restore(join(dir, 'backup'), join(where, 'other.duckdb'), false);
		expect(again.previousFiles).toEqual([]);
		expect(readdirSync(where).filter((f) => f.startsWith('metrics.json'))).toHaveLength(2);
	}, 120_000);

	it('names a corrupted or missing table file: the backup is damaged', async () => {
		useMachine(join(dir, 'd'));
		const target = join(dir, 'd', 'db.duckdb');
		const corrupted = copyOfBackup('corrupted');
		corrupt(join(corrupted, 'database', 'repairs.parquet'));
		await expect(restore(corrupted, target, false)).rejects.toThrow(
			/备份已损坏：其中的文件 database\/repairs\.parquet .*The backup is damaged: its file database\/repairs\.parquet is missing or does not match its SHA-256/
		);
		const missing = copyOfBackup('missing');
		rmSync(join(missing, 'database', 'users.parquet'));
		await expect(restore(missing, target, false)).rejects.toThrow(
			/The backup is damaged: its file database\/users\.parquet is missing/
		);
		nothingWritten(target);
	});

	it('restores a backup without table file hashes, naming a table file DuckDB cannot read', async () => {
		useMachine(join(dir, 'o'));
		const target = join(dir, 'o', 'db.duckdb');
		const corrupted = copyOfBackup('old-corrupted', true);
		corrupt(join(corrupted, 'database', 'repairs.parquet'));
		await expect(restore(corrupted, target, false)).rejects.toThrow(
			/备份已损坏.*The backup is damaged: its file database\/repairs\.parquet is missing or cannot be read/
		);
		const missing = copyOfBackup('old-missing', true);
		rmSync(join(missing, 'database', 'users.parquet'));
		await expect(restore(missing, target, false)).rejects.toThrow(
			/The backup is damaged: its file database\/users\.parquet is missing or cannot be read/
		);
		nothingWritten(target);

		const { out } = await checks(join(dir, 'a', 'db.duckdb'));
		await restore(copyOfBackup('old', true), target, false);
		expect((await checks(target)).out).toEqual(out);
	}, 120_000);

	it('says the checksum differs when one value changed and the row counts agree', async () => {
		useMachine(join(dir, 'v'));
		const target = join(dir, 'v', 'db.duckdb');
		const hashed = copyOfBackup('changed');
		await changeOneRepair(hashed);
		await expect(restore(hashed, target, false)).rejects.toThrow(/database\/repairs\.parquet .*SHA-256/);
		// Without the file hashes the change reaches the table check.
		const old = copyOfBackup('old-changed', true);
		await changeOneRepair(old);
		const refused = restore(old, target, false);
		await expect(refused).rejects.toThrow(
			new RegExp(`repairs 与备份不符（${manifest.tables.repairs.rows} 行均在，但校验和不同）`)
		);
		await expect(refused).rejects.toThrow(
			new RegExp(
				`table repairs does not match the backup \\(its ${manifest.tables.repairs.rows} rows are all there, but their checksum differs\\)`
			)
		);
		nothingWritten(target);
	}, 120_000);

	it('works from the CLI, refusing a folder that is not empty and a different metric configuration', () => {
		useMachine(join(dir, 'b'));
		const run = (args: string[], env: Record<string, string> = {}) =>
			spawnSync(process.execPath, [join(ROOT, 'bin/workbench.js'), ...args], {
				cwd: ROOT,
				env: { ...process.env, WORKBENCH_DB: join(dir, 'b', 'db.duckdb'), ...env },
				encoding: 'utf8'
			});
		const out = run(['backup', join(dir, 'cli-backup'), '--json']);
		expect(out.stderr).toBe('');
		expect(JSON.parse(out.stdout).tables.repairs.rows).toBe(manifest.tables.repairs.rows);
		const again = run(['backup', join(dir, 'cli-backup')]);
		expect(again.status).toBe(1);
		expect(again.stderr).toContain('is not empty');

		mkdirSync(join(dir, 'x'));
		const metrics = join(dir, 'x', 'mymetrics.json');
		writeFileSync(metrics, '{"edited": true}\n');
		const env = { WORKBENCH_METRICS: metrics, WORKBENCH_DB: join(dir, 'x', 'fresh.duckdb') };
		const refused = run(['restore', join(dir, 'cli-backup')], env);
		expect(refused.status).toBe(1);
		expect(refused.stderr).toContain('的恢复位置已有不同的文件');
		expect(refused.stderr).toContain('A different file already exists where config/metrics.json goes back');
		expect(readFileSync(metrics, 'utf8')).toBe('{"edited": true}\n');
		const replaced = run(['restore', join(dir, 'cli-backup'), '--replace'], env);
		expect(replaced.stderr).toBe('');
		expect(replaced.stdout).toMatch(/the file it replaced is kept as .*mymetrics\.json\.before-restore-/);
	}, 120_000);
});
