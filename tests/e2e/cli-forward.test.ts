/**
 * The CLI while the built server holds the database: import, metric, report (generate, list, get) and
 * audit export are sent to the server with an API token and print what the same commands print on a
 * database of their own; backup, restore and audit verify, which need the file itself, are refused
 * naming the server and what to do, having written nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/lib/domain/auth/user';
import { runWorkbench, useCliWorkbench } from '../helpers/cli';
import { Database } from '../../src/lib/server/db/connection';
import { E2E_USERS, startApp, type RunningApp } from './harness';

const FILE = join(import.meta.dirname, '../../data/samples/complaints-2023-2025.csv');

let app: RunningApp;
const local = useCliWorkbench();
const served = () => join(app.dir, 'e2e.duckdb');
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** `workbench ARGS` on the server's database (forwarded) or on a database of its own (local). */
const onServer = (args: string[], token: string | null = app.tokens.analyst) =>
	runWorkbench(args, { WORKBENCH_DB: served(), WORKBENCH_TOKEN: token ?? '' });
const as = (role: Role, args: string[]) => onServer(args, app.tokens[role]);
const onLocal = local.run;
/** The report the server generated (the test that generates it sets it). */
let generated: { reportId: string; sha256: string; path: string };

beforeAll(async () => {
	app = await startApp();
});
afterAll(async () => {
	await app?.stop();
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
		const out = join(local.dir, 'analysis.html');
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
		generated = printed;
	});

	it('lists the stored reports through the server, as the local list prints them', () => {
		const forwarded = onServer(['report', 'list', '--json']);
		expect(forwarded.stderr).toBe('');
		expect(forwarded.code).toBe(0);
		const list = JSON.parse(forwarded.stdout);
		expect(list.map((s: { id: string }) => s.id)).toEqual([generated.reportId]);
		expect(list[0]).toMatchObject({ sha256: generated.sha256, scope: { regions: [], models: [] } });
		// The same fields as a local list, and the same text line made of them.
		const mine = join(local.dir, 'mine.html');
		const made = ['report', 'complaint-analysis', '--period', '2025-11', '--format', 'html', '--out', mine];
		expect(onLocal(made).code).toBe(0);
		const localList = JSON.parse(onLocal(['report', 'list', '--json']).stdout);
		expect(Object.keys(list[0]).sort()).toEqual(Object.keys(localList[0]).sort());
		const line = (s: Record<string, string>) =>
			`${[s.id, s.kind, s.period, s.format, s.generatedAt, s.sha256, 'whole company'].join('  ')}\n`;
		expect(onServer(['report', 'list']).stdout).toBe(line(list[0]));
		expect(onLocal(['report', 'list']).stdout).toBe(line(localList[0]));
	});

	it('gets a stored report through the server, its bytes checked against their SHA-256', () => {
		const copy = join(local.dir, 'copy.html');
		const r = as('viewer', ['report', 'get', generated.reportId, '--out', copy, '--json']);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		expect(JSON.parse(r.stdout)).toEqual({ ...generated, path: copy });
		expect(sha(readFileSync(copy))).toBe(generated.sha256);
		expect(readFileSync(copy)).toEqual(readFileSync(generated.path));
		const unknown = onServer(['report', 'get', 'RPT-999999', '--out', join(local.dir, 'none.html')]);
		expect(unknown.code).toBe(1);
		expect(unknown.stderr).toContain(`the server at ${app.url} refused the request (404)`);
		expect(unknown.stderr).toContain('RPT-999999');
		expect(existsSync(join(local.dir, 'none.html'))).toBe(false);
	});

	it('exports the audit log through the server for an auditor, as a local export writes it', () => {
		const out = join(local.dir, 'audit.csv');
		const r = as('auditor', ['audit', 'export', '--format', 'csv', '--out', out, '--json']);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		const bytes = readFileSync(out);
		expect(JSON.parse(r.stdout)).toEqual({ path: out, sizeBytes: bytes.length, sha256: sha(bytes) });
		const csv = bytes.toString('utf8');
		expect(csv).toContain('report.generate');
		expect(csv).toContain(generated.reportId);
		const mine = join(local.dir, 'local-audit.csv');
		expect(onLocal(['audit', 'export', '--out', mine]).code).toBe(0);
		const header = (text: string) => text.split('\n')[0];
		expect(header(csv)).toBe(header(readFileSync(mine, 'utf8')));
		// The server's own rule: an analyst may not export the audit log.
		const refused = as('analyst', ['audit', 'export', '--out', join(local.dir, 'no.csv')]);
		expect(refused.code).toBe(1);
		expect(refused.stderr).toContain(`the server at ${app.url} refused the request (403)`);
	});

	it('refuses backup, restore and audit verify, naming the server and what to do, having done nothing', () => {
		const folder = join(local.dir, 'backup');
		const backup = onServer(['backup', folder]);
		expect(backup.code).toBe(1);
		expect(backup.stdout).toBe('');
		expect(backup.stderr).toContain(`服务器 ${app.url} 正在使用数据库`);
		expect(backup.stderr).toContain(
			`the server at ${app.url} holds the database ${served()}. A backup needs the file to itself, so nothing was written. Stop the server`
		);
		expect(existsSync(folder)).toBe(false);
		const restore = onServer(['restore', folder, '--replace']);
		expect(restore.code).toBe(1);
		expect(restore.stderr).toContain('A restore replaces that file, so nothing was changed. Stop the server');
		const verify = onServer(['audit', 'verify']);
		expect(verify.code).toBe(1);
		expect(verify.stderr).toContain(`shown at ${app.url}/admin/audit`);
		// The server still holds its database and answers.
		expect(onServer(['report', 'list', '--json']).code).toBe(0);
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
