import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyState } from '../../src/lib/domain/assessment/workspace-state';
import { createAssessment } from '../../src/lib/server/assessment/assessments';
import { listEvidence } from '../../src/lib/server/assessment/evidence';
import { getVersion } from '../../src/lib/server/assessment/versions';
import { readAudit } from '../../src/lib/server/audit/log';
import { verifyAudit } from '../../src/lib/server/audit/verify';
import { Database } from '../../src/lib/server/db/connection';
import { recoverFromKilledRuns } from '../../src/lib/server/startup';
import { PERIOD, smallCatalogue } from '../helpers/assessment';

/**
 * kill -9 in the middle of a write leaves nothing behind once the server starts again: an assessment
 * save killed before its COMMIT, an upload killed with half its body on disk, an evidence file
 * killed after it was stored and before its row committed. The kill is driven by the child's
 * `holding` line (tests/helpers/crash-child.ts), never by a delay.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const CHILD = join(ROOT, 'tests/helpers/crash-child.ts');

/** Runs the crash child until it says `holding`, then SIGKILLs it; resolves with how it ended. */
function runAndKill(args: string[], env: Record<string, string>) {
	return new Promise<{ signal: NodeJS.Signals | null; lines: string[]; stderr: string }>((done, fail) => {
		const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
			cwd: ROOT,
			env: { ...process.env, ...env },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		const lines: string[] = [];
		let stderr = '';
		child.stdout.setEncoding('utf8');
		child.stderr.setEncoding('utf8');
		child.stderr.on('data', (chunk: string) => (stderr += chunk));
		child.stdout.on('data', (chunk: string) => {
			lines.push(...chunk.split('\n').filter(Boolean));
			if (lines.includes('holding')) child.kill('SIGKILL');
		});
		child.on('error', fail);
		child.on('close', (_code, signal) => done({ signal, lines, stderr }));
	});
}

/** Every file under a folder, relative to it. */
const filesUnder = (dir: string) =>
	readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile())
		.map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
		.sort();

let dir: string;
let env: Record<string, string>;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'workbench-crash-'));
	env = {
		WORKBENCH_DB: join(dir, 'workbench.duckdb'),
		WORKBENCH_UPLOADS: join(dir, 'uploads'),
		WORKBENCH_EVIDENCE: join(dir, 'evidence')
	};
	Object.assign(process.env, env);
});
afterEach(() => {
	for (const name of Object.keys(env)) delete process.env[name];
	rmSync(dir, { recursive: true, force: true });
});

async function withDatabase<T>(fn: (db: Database) => Promise<T>): Promise<T> {
	const db = await Database.open(env.WORKBENCH_DB);
	try {
		return await fn(db);
	} finally {
		db.close();
	}
}

/** What the server's start (startServer) does after a killed run, on the database the child used. */
async function restart(): Promise<void> {
	await withDatabase(recoverFromKilledRuns);
}

/** What a kill must not change: the draft's state, the evidence rows and the audit log. */
async function snapshot(db: Database) {
	return {
		version: await getVersion(db, 1, 1),
		evidence: await listEvidence(db, 1),
		audit: await readAudit(db, { limit: 10_000 })
	};
}

describe('kill -9 during a write', () => {
	it('an assessment save killed before its commit leaves the draft and the audit log as they were', async () => {
		const before = await withDatabase(async (db) => {
			await createAssessment(db, PERIOD, smallCatalogue(), 'web');
			return snapshot(db);
		});
		const state = { ...emptyState(), items: { '1.1.1': { status: 'conform' } } };
		const run = await runAndKill(['save', env.WORKBENCH_DB, '1', JSON.stringify(state)], env);
		expect(run.stderr).toBe('');
		expect(run.lines).toEqual(['holding']);
		expect(run.signal).toBe('SIGKILL');

		await restart();
		await withDatabase(async (db) => {
			expect(await snapshot(db)).toEqual(before);
			expect((await verifyAudit(db)).broken).toBeNull();
		});
	}, 60_000);

	it('an upload killed with half its body on disk leaves no file in the uploads folder', async () => {
		const run = await runAndKill(['upload', '维修-2025-06.csv'], env);
		expect(run.lines).toEqual(['holding']);
		expect(run.signal).toBe('SIGKILL');
		// What the kill left: the upload's folder and its partial file, no metadata.
		expect(filesUnder(env.WORKBENCH_UPLOADS)).toEqual([expect.stringMatching(/\/维修-2025-06\.csv$/)]);

		await restart();
		expect(readdirSync(env.WORKBENCH_UPLOADS)).toEqual([]);
	}, 60_000);

	it('an evidence file stored by an upload killed before its row committed is removed', async () => {
		const before = await withDatabase(async (db) => {
			await createAssessment(db, PERIOD, smallCatalogue(), 'web');
			return snapshot(db);
		});
		const run = await runAndKill(['evidence', env.WORKBENCH_DB, '1', '组织架构图.pdf'], env);
		expect(run.lines).toEqual(['holding']);
		expect(run.signal).toBe('SIGKILL');
		expect(filesUnder(env.WORKBENCH_EVIDENCE)).toEqual([expect.stringMatching(/^1\/[0-9a-f]{64}$/)]);

		await restart();
		expect(filesUnder(env.WORKBENCH_EVIDENCE)).toEqual([]);
		await withDatabase(async (db) => {
			expect(await snapshot(db)).toEqual(before);
			expect((await verifyAudit(db)).broken).toBeNull();
		});
	}, 60_000);
});
