/**
 * The CLI while the built server holds the database: import, metric and report generation are sent to
 * the server with an API token and print what the same commands print on a database of their own.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWorkbench } from '../helpers/cli';
import { Database } from '../../src/lib/server/db/connection';
import { E2E_USERS, startApp, type RunningApp } from './harness';

const FILE = join(import.meta.dirname, '../../data/samples/complaints-2023-2025.csv');

let app: RunningApp;
let local: string;
const served = () => join(app.dir, 'e2e.duckdb');

/** `workbench ARGS` on the server's database (forwarded) or on a database of its own (local). */
const onServer = (args: string[], token: string | null = app.tokens.analyst) =>
	runWorkbench(args, { WORKBENCH_DB: served(), WORKBENCH_TOKEN: token ?? '' });
const onLocal = (args: string[]) => runWorkbench(args, { WORKBENCH_DB: join(local, 'local.duckdb') });

beforeAll(async () => {
	app = await startApp();
	local = mkdtempSync(join(tmpdir(), 'workbench-forward-local-'));
});
afterAll(async () => {
	await app?.stop();
	if (local) rmSync(local, { recursive: true, force: true });
});

describe('the CLI beside a running server', () => {
	it('finds the server by the address it published beside the database', () => {
		const info = JSON.parse(readFileSync(`${served()}.server.json`, 'utf8'));
		expect(info.url).toBe(app.url);
		expect(info.pid).toBeGreaterThan(0);
	});

	it('without a token, refuses and says how to create one', () => {
		const r = onServer(['import', FILE, '--kind', 'complaint', '--json'], null);
		expect(r.code).toBe(1);
		expect(r.stdout).toBe('');
		expect(r.stderr).toContain(`the server at ${app.url} holds the database`);
		expect(r.stderr).toContain('workbench user token add NAME --label cron');
	});

	it('imports through the server and prints what a local import prints', () => {
		const args = ['import', FILE, '--kind', 'complaint', '--json'];
		const forwarded = onServer(args);
		expect(forwarded.stderr).toBe('');
		expect(forwarded.code).toBe(0);
		const result = JSON.parse(forwarded.stdout);
		expect(result.accepted).toBeGreaterThan(1000);
		expect(result).toEqual(JSON.parse(onLocal(args).stdout));
		// The rows are in the server's database: a metric through the server counts them.
		const counts = JSON.parse(onServer(['metric', 'complaints.sla', '--json']).stdout);
		const total = counts.rows.reduce((sum: number, r: { complaints: number }) => sum + r.complaints, 0);
		expect(total).toBe(result.accepted);
	});

	it('reads a metric through the server, as JSON and as a table, as locally', () => {
		for (const json of [['--json'], []]) {
			const args = [
				'metric',
				'complaints.breakdown',
				'--from',
				'2025-01-01',
				'--filter',
				'region=华东',
				...json
			];
			const forwarded = onServer(args);
			expect(forwarded.code).toBe(0);
			expect(forwarded.stdout).toBe(onLocal(args).stdout);
		}
	});

	it('generates a report on the server and writes its bytes, checked against their SHA-256', () => {
		const out = join(local, 'analysis.html');
		const r = onServer([
			'report',
			'complaint-analysis',
			'--period',
			'2025-11',
			'--format',
			'html',
			'--out',
			out,
			'--json'
		]);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		const printed = JSON.parse(r.stdout);
		expect(Object.keys(printed)).toEqual(['reportId', 'sha256', 'path']);
		expect(printed.path).toBe(out);
		expect(createHash('sha256').update(readFileSync(out)).digest('hex')).toBe(printed.sha256);
		expect(readFileSync(out, 'utf8')).toContain(printed.reportId);
	});

	it('refuses a token the server does not know, saying how to make one', () => {
		const r = onServer(['metric', 'complaints.sla', '--json'], 'wbt_not-a-token');
		expect(r.code).toBe(1);
		expect(r.stderr).toContain(`the server at ${app.url} did not accept the token`);
		expect(r.stderr).toContain('workbench user token add NAME --label cron');
	});

	it('passes the server’s refusal on, naming the server', () => {
		const r = onServer(['metric', 'no.such.metric', '--json']);
		expect(r.code).toBe(1);
		expect(r.stderr).toContain(`the server at ${app.url} refused the request (400)`);
		expect(r.stderr).toContain('Unknown metric "no.such.metric"');
	});

	it('the address file goes when the server stops', async () => {
		const path = `${served()}.server.json`;
		expect(existsSync(path)).toBe(true);
		await app.terminate();
		expect(existsSync(path)).toBe(false);
		// The import ran as the token's user: the batch and the audit log name them.
		const db = await Database.open(served());
		try {
			const audit = await db.query(`SELECT actor FROM audit_log WHERE action = 'import.commit'`);
			expect(audit.map((r) => r.actor)).toEqual([E2E_USERS.analyst.name]);
			const batches = await db.query('SELECT imported_by FROM import_batches');
			expect(batches.map((r) => r.imported_by)).toEqual([E2E_USERS.analyst.name]);
		} finally {
			db.close();
		}
	});
});
