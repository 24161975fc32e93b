import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/lib/server/db/connection';

const ROOT = join(import.meta.dirname, '../..');
let dir: string;

function workbench(args: string[]) {
	const r = spawnSync(process.execPath, [join(ROOT, 'bin/workbench.js'), 'report', 'schedule', ...args], {
		cwd: ROOT,
		env: {
			...process.env,
			WORKBENCH_DB: join(dir, 'cli.duckdb'),
			WORKBENCH_REPORTS: join(dir, 'reports'),
			WORKBENCH_DELIVERY_FOLDERS: join(dir, 'shared')
		},
		encoding: 'utf8'
	});
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A monthly review due on the 3rd at 08:00, delivered as `more` says. */
const addMonthly = (...more: string[]) =>
	workbench(['add', '--kind', 'monthly-review', '--day', '3', '--time', '08:00', ...more]);

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'workbench-schedule-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('workbench report schedule', () => {
	it('adds, lists, runs what is due and removes schedules', async () => {
		const added = workbench([
			'add',
			'--kind',
			'complaint-analysis',
			'--day',
			'31',
			'--time',
			'07:30',
			'--folder',
			join(dir, 'shared', 'out'),
			'--json'
		]);
		expect(added.stderr).toBe('');
		const made = JSON.parse(added.stdout);
		expect(made).toMatchObject({
			id: 1,
			day: 31,
			formats: ['pdf'],
			folder: join(dir, 'shared', 'out'),
			timeZone: 'Asia/Shanghai'
		});
		expect(made.nextDueLocal).toMatch(/ 07:30$/);

		expect(JSON.parse(workbench(['list', '--json']).stdout).map((s: { id: number }) => s.id)).toEqual([1]);
		// Just made: nothing is due yet, so nothing runs.
		expect(JSON.parse(workbench(['run-due', '--json']).stdout)).toEqual([]);

		// A folder outside the delivery folders, here relative to where the command runs, is refused.
		const outside = addMonthly('--folder', 'out');
		expect(outside.code).toBe(1);
		expect(outside.stderr).toContain(
			`${join(ROOT, 'out')} is outside the delivery folders (${join(dir, 'shared')})`
		);
		expect(JSON.parse(workbench(['list', '--json']).stdout)).toHaveLength(1);

		const bad = workbench(['add', '--kind', 'monthly-review', '--day', '3', '--time', '8:00']);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toMatch(/--time "8:00": must be HH:MM/);
		const mail = addMonthly('--to', 'qm@example.com');
		expect(mail.code).not.toBe(0);
		expect(mail.stderr).toMatch(/WORKBENCH_SMTP_URL/);

		expect(workbench(['remove', '1']).code).toBe(0);
		expect(JSON.parse(workbench(['list', '--json']).stdout)).toEqual([]);

		// The command line acts as 'cli' from 'cli', whoever the shell runs as.
		const db = await Database.open(join(dir, 'cli.duckdb'));
		try {
			expect(
				await db.query(
					"SELECT action, actor, origin FROM audit_log WHERE entity = 'report_schedule' ORDER BY id"
				)
			).toEqual([
				{ action: 'report.schedule.create', actor: 'cli', origin: 'cli' },
				{ action: 'report.schedule.delete', actor: 'cli', origin: 'cli' }
			]);
		} finally {
			db.close();
		}
	}, 120_000);
});
