import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/lib/server/db/connection';
import { importFile } from '../../src/lib/server/ingest';
import { generateRepairsCsv, REPAIR_HEADERS } from '../helpers/generate-repairs';

/**
 * An import killed with SIGKILL in the middle of its writing phase leaves the database exactly as
 * it was, and the same file then imports completely. The kill is driven by the child's own progress
 * lines, never by a delay, and the child never commits (--hold-before-commit), so the test does not
 * depend on how fast the machine is.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const CHILD = join(ROOT, 'tests/helpers/import-child.ts');
/** Large enough that the writing phase takes a while (the kill usually lands inside the inserts). */
const BIG_ROWS = 300_000;
const SMALL_ROWS = 500;

const TABLES = ['repairs', 'repairs_history', 'import_batches', 'rejected_rows', 'mapping_profiles'] as const;
type Counts = Record<(typeof TABLES)[number], number>;

async function counts(db: Database): Promise<Counts> {
	const [row] = await db.query(
		`SELECT ${TABLES.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(', ')}`
	);
	return Object.fromEntries(TABLES.map((t) => [t, Number(row[t])])) as Counts;
}

/** A data row (18 cells, in REPAIR_HEADERS order) that the importer rejects. */
function badRow(cells: Record<number, string>): string {
	return Array.from({ length: REPAIR_HEADERS.length }, (_, i) => cells[i] ?? '').join(',') + '\n';
}

interface ChildOutcome {
	code: number | null;
	signal: NodeJS.Signals | null;
	lines: string[];
	stderr: string;
	killedAfter: string | null;
}

/** Runs the import child and SIGKILLs it as soon as it reports the writing phase. */
function importAndKill(dbPath: string, file: string, tempDir: string): Promise<ChildOutcome> {
	return new Promise((done, fail) => {
		const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dbPath, file, '--hold-before-commit'], {
			cwd: ROOT,
			// The importer's work folder goes under the test folder, so a killed run leaves nothing behind.
			env: { ...process.env, TMPDIR: tempDir },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		const lines: string[] = [];
		let partial = '';
		let stderr = '';
		let killedAfter: string | null = null;
		child.stdout.setEncoding('utf8');
		child.stderr.setEncoding('utf8');
		child.stderr.on('data', (chunk: string) => (stderr += chunk));
		child.stdout.on('data', (chunk: string) => {
			partial += chunk;
			const complete = partial.split('\n');
			partial = complete.pop() ?? '';
			for (const line of complete) {
				lines.push(line);
				if (killedAfter === null && (line === 'phase writing' || line === 'holding')) {
					killedAfter = line;
					child.kill('SIGKILL');
				}
			}
		});
		child.on('error', fail);
		child.on('close', (code, signal) => done({ code, signal, lines, stderr, killedAfter }));
	});
}

describe('import atomicity', () => {
	let dir: string;
	let dbPath: string;
	let bigFile: string;
	let before: Counts;

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'workbench-atomicity-'));
		dbPath = join(dir, 'workbench.duckdb');
		// Existing data in every table the import writes: records, history (a second version of the
		// same keys), rejected rows, batches and a saved mapping profile.
		const first = join(dir, 'small-1.csv');
		const second = join(dir, 'small-2.csv');
		await generateRepairsCsv(first, SMALL_ROWS, { idPrefix: 'OLD', seed: 1 });
		await generateRepairsCsv(second, SMALL_ROWS, { idPrefix: 'OLD', seed: 2 });
		appendFileSync(
			second,
			badRow({ 0: 'OLDBAD1', 1: 'not a time', 3: 'KFR-35GW' }) +
				badRow({ 0: 'OLDBAD2', 1: '2025-06-03 14:05:00', 3: 'KFR-35GW', 13: '-5' })
		);
		const db = await Database.open(dbPath);
		try {
			await importFile(db, first, { kind: 'repair', saveProfile: 'atomicity test' });
			const r = await importFile(db, second, { kind: 'repair' });
			expect(r.rejected).toBe(2);
			before = await counts(db);
		} finally {
			db.close();
		}
		expect(before).toMatchObject({
			repairs: SMALL_ROWS,
			import_batches: 2,
			rejected_rows: 2,
			mapping_profiles: 1
		});
		expect(before.repairs_history).toBeGreaterThan(0);

		bigFile = join(dir, 'big.csv');
		await generateRepairsCsv(bigFile, BIG_ROWS, { idPrefix: 'BIG' });
	}, 120_000);

	afterAll(() => {
		if (dir) rmSync(dir, { recursive: true, force: true });
	});

	it('leaves the database unchanged when the import process is killed while writing', async () => {
		const outcome = await importAndKill(dbPath, bigFile, dir);
		expect(
			outcome.killedAfter,
			`child output:\n${outcome.lines.join('\n')}\n${outcome.stderr}`
		).not.toBeNull();
		expect(outcome.signal).toBe('SIGKILL');
		expect(outcome.lines).toContain('phase validating');
		expect(outcome.lines.some((l) => l.startsWith('done'))).toBe(false);

		const db = await Database.open(dbPath);
		try {
			expect(await counts(db)).toEqual(before);
			const [big] = await db.query("SELECT count(*) AS n FROM repairs WHERE repair_id LIKE 'BIG%'");
			expect(Number(big.n)).toBe(0);
		} finally {
			db.close();
		}
	}, 180_000);

	it('imports the same file completely afterwards', async () => {
		const db = await Database.open(dbPath);
		try {
			const result = await importFile(db, bigFile, { kind: 'repair' });
			expect(result).toMatchObject({
				rows: BIG_ROWS,
				accepted: BIG_ROWS,
				updated: 0,
				duplicates: 0,
				rejected: 0,
				skipped: 0
			});
			expect(await counts(db)).toEqual({
				...before,
				repairs: before.repairs + BIG_ROWS,
				import_batches: before.import_batches + 1
			});
			const [batch] = await db.query('SELECT rows, accepted FROM import_batches WHERE id = $1', [
				result.batchId
			]);
			expect(batch).toEqual({ rows: BIG_ROWS, accepted: BIG_ROWS });
		} finally {
			db.close();
		}
	}, 180_000);
});
