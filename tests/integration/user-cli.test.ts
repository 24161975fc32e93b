import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/lib/server/db/connection';

const ROOT = join(import.meta.dirname, '../..');
let dir: string;

function workbench(args: string[], input?: string) {
	const r = spawnSync(process.execPath, [join(ROOT, 'bin/workbench.js'), 'user', ...args], {
		cwd: ROOT,
		env: { ...process.env, WORKBENCH_DB: join(dir, 'cli.duckdb') },
		encoding: 'utf8',
		input
	});
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'workbench-user-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('workbench user', () => {
	it('refuses a bad name or role before printing anything', () => {
		const bad = workbench(['add', 'no spaces', '--role', 'admin']);
		expect(bad.code).toBe(1);
		expect(bad.stdout).toBe('');
		expect(bad.stderr).toMatch(/not valid/);
		const role = workbench(['add', 'eve', '--role', 'root']);
		expect(role.code).toBe(2);
		expect(role.stdout).toBe('');
		expect(role.stderr).toMatch(/--role/);
	});

	it(
		'adds users, prints a generated password once, lists, resets, disables, and manages tokens',
		{ timeout: 180_000 },
		async () => {
			const added = workbench(['add', 'ana', '--role', 'analyst', '--regions', '华东,华南', '--json']);
			expect(added.stderr).toBe('');
			const made = JSON.parse(added.stdout);
			expect(made).toMatchObject({
				name: 'ana',
				role: 'analyst',
				scope: { regions: ['华东', '华南'], models: [] }
			});
			expect(made.password).toMatch(/^[a-zA-Z2-9]{20}$/);

			const typed = workbench(
				['add', 'vic', '--role', 'viewer', '--password-stdin'],
				'a typed long password\n'
			);
			expect(typed.code).toBe(0);
			expect(typed.stdout).toMatch(/Added user vic \(viewer\)/);
			expect(typed.stdout).not.toMatch(/password/i);
			expect(workbench(['add', 'Ana', '--role', 'viewer']).stderr).toMatch(/exists already/);

			expect(workbench(['list']).stdout).toBe('ana  analyst  regions 华东,华南\nvic  viewer\n');
			const reset = JSON.parse(workbench(['reset', 'ana', '--json']).stdout);
			expect(reset.password).not.toBe(made.password);
			expect(workbench(['disable', 'vic']).code).toBe(0);
			expect(workbench(['list', '--json']).stdout).toMatch(/"name":"vic".*"disabledAt":\d+/);
			expect(workbench(['reset', 'nobody']).stderr).toMatch(/no user "nobody"/);

			const token = JSON.parse(workbench(['token', 'add', 'ana', '--label', 'nightly', '--json']).stdout);
			expect(token.token).toMatch(/^wbt_/);
			const listed = workbench(['token', 'list', 'ana']).stdout;
			expect(listed).toContain(token.prefix);
			expect(listed).not.toContain(token.token);
			expect(workbench(['token', 'revoke', String(token.id)]).stdout).toMatch(/Revoked token/);
			expect(workbench(['token', 'list', '--json']).stdout).toMatch(/"revokedAt":\d+/);
			expect(workbench(['token', 'revoke', '99']).code).toBe(1);

			const db = await Database.open(join(dir, 'cli.duckdb'));
			try {
				const actions = (await db.query('SELECT action, actor FROM audit_log ORDER BY id')).map(
					(r) => `${r.actor} ${r.action}`
				);
				expect(actions).toEqual([
					'cli user.add',
					'cli user.add',
					'cli user.reset',
					'cli user.disable',
					'cli token.add',
					'cli token.revoke'
				]);
			} finally {
				db.close();
			}
		}
	);

	it(
		'disables or enables a user once, refuses a token for a disabled user and keeps the last admin',
		{ timeout: 180_000 },
		async () => {
			expect(workbench(['add', 'zoe', '--role', 'viewer']).code).toBe(0);
			expect(workbench(['add', 'boss', '--role', 'admin']).code).toBe(0);
			const audited = async () => {
				const db = await Database.open(join(dir, 'cli.duckdb'));
				try {
					return (
						await db.query(
							"SELECT action, entity_id FROM audit_log WHERE entity_id IN ('zoe', 'boss') ORDER BY id"
						)
					).map((r) => `${r.action} ${r.entity_id}`);
				} finally {
					db.close();
				}
			};

			expect(workbench(['disable', 'zoe']).stdout).toBe('Disabled user zoe; their sessions have ended.\n');
			const again = workbench(['disable', 'zoe', '--json']);
			expect([again.code, again.stderr]).toEqual([0, '']);
			expect(JSON.parse(again.stdout)).toEqual({ disabled: 'zoe', changed: false });
			expect(workbench(['disable', 'zoe']).stdout).toBe('User zoe is disabled already.\n');
			const token = workbench(['token', 'add', 'zoe', '--label', 'cron']);
			expect([token.code, token.stdout]).toEqual([1, '']);
			expect(token.stderr).toMatch(/zoe is disabled/);
			expect(workbench(['enable', 'zoe']).stdout).toBe('Enabled user zoe.\n');
			expect(workbench(['enable', 'zoe']).stdout).toBe('User zoe is not disabled.\n');

			const last = workbench(['disable', 'boss']);
			expect([last.code, last.stdout]).toEqual([1, '']);
			expect(last.stderr).toMatch(
				/^workbench user: boss 是最后一个启用中的管理员.*boss is the last active admin/
			);

			expect(await audited()).toEqual([
				'user.add zoe',
				'user.add boss',
				'user.disable zoe',
				'user.enable zoe'
			]);
		}
	);
});
