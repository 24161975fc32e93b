import { spawnSync } from 'node:child_process';
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
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

	it('works from the CLI, refusing a folder that is not empty', () => {
		const run = (args: string[]) =>
			spawnSync(process.execPath, [join(ROOT, 'bin/workbench.js'), ...args], {
				cwd: ROOT,
				env: { ...process.env, WORKBENCH_DB: join(dir, 'b', 'db.duckdb') },
				encoding: 'utf8'
			});
		const out = run(['backup', join(dir, 'cli-backup'), '--json']);
		expect(out.stderr).toBe('');
		expect(JSON.parse(out.stdout).tables.repairs.rows).toBe(manifest.tables.repairs.rows);
		const again = run(['backup', join(dir, 'cli-backup')]);
		expect(again.status).toBe(1);
		expect(again.stderr).toContain('is not empty');
	}, 120_000);
});
