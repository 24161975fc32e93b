import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../../src/lib/server/db/connection';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'tests/fixtures/import');

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'workbench-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function workbench(args: string[]) {
	const r = spawnSync(process.execPath, [join(ROOT, 'bin/workbench.js'), ...args], {
		cwd: ROOT,
		env: { ...process.env, WORKBENCH_DB: join(dir, 'cli.duckdb') },
		encoding: 'utf8'
	});
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('workbench import', () => {
	it('prints only one JSON object with --json', () => {
		const r = workbench(['import', join(FIXTURES, 'repairs-rejects.csv'), '--kind', 'repair', '--json']);
		expect(r.code).toBe(0);
		const result = JSON.parse(r.stdout);
		expect(Object.keys(result).sort()).toEqual(
			[
				'accepted',
				'batchId',
				'duplicates',
				'encoding',
				'file',
				'kind',
				'rejected',
				'rows',
				'sha256',
				'skipped',
				'updated'
			].sort()
		);
		expect(result).toMatchObject({ batchId: 1, kind: 'repair', rows: 12, accepted: 1, rejected: 11 });
	});

	it('maps headers with --map and saves a profile that next month uses', () => {
		const csv = join(FIXTURES, 'repairs-forms.csv');
		const first = workbench([
			'import',
			csv,
			'--kind',
			'repair',
			'--map',
			'备注=symptom',
			'--save-profile',
			'crm',
			'--json'
		]);
		expect(first.code).toBe(0);
		const second = workbench(['import', csv, '--kind', 'repair', '--profile', 'crm', '--json']);
		expect(JSON.parse(second.stdout)).toMatchObject({ rows: 11, duplicates: 10, skipped: 1 });
	});

	it('writes its imports, profiles and undos to the audit log as cli, from cli, like every command', async () => {
		const csv = join(FIXTURES, 'repairs-forms.csv');
		const map = ['--map', '备注=symptom'];
		expect(workbench(['import', csv, '--kind', 'repair', ...map, '--save-profile', 'crm']).code).toBe(0);
		expect(workbench(['import', 'undo', '1', '--yes']).code).toBe(0);
		const db = await Database.open(join(dir, 'cli.duckdb'));
		try {
			const entries = await db.query('SELECT action, actor, origin FROM audit_log ORDER BY id');
			expect(entries.map((e) => e.action)).toEqual(['mapping-profile.save', 'import.commit', 'import.undo']);
			expect(entries.map((e) => `${e.actor} ${e.origin}`)).toEqual(['cli cli', 'cli cli', 'cli cli']);
		} finally {
			db.close();
		}
	});

	it('refuses a --map header the file lacks, or a field the kind lacks, naming them, before writing', async () => {
		const csv = join(FIXTURES, 'repairs-forms.csv');
		const header = workbench(['import', csv, '--kind', 'repair', '--map', '备 注=symptom']);
		expect([header.code, header.stdout]).toEqual([1, '']);
		expect(header.stderr).toMatch(
			/the mapping names header\(s\) "备 注" that the file does not have\. Headers found: 维修单号 \| 报修时间 .* \| 备注 \//
		);
		const field = workbench(['import', csv, '--kind', 'repair', '--map', '备注=symtom']);
		expect(field.code).toBe(1);
		expect(field.stderr).toMatch(/unknown field\(s\) "symtom" for repair; fields are: .*symptom/);
		expect(field.stderr).not.toContain('备注=');
		const db = await Database.open(join(dir, 'cli.duckdb'));
		try {
			expect(await db.query('SELECT id FROM import_batches')).toEqual([]);
			expect(await db.query('SELECT id FROM audit_log')).toEqual([]);
		} finally {
			db.close();
		}
	});

	it('refuses a file with a clear message on stderr and a non-zero exit', () => {
		const r = workbench(['import', join(FIXTURES, 'repairs-forms.csv'), '--kind', 'sales', '--json']);
		expect(r.code).not.toBe(0);
		expect(r.stdout).toBe('');
		expect(r.stderr).toMatch(/required field\(s\) period, units not found.*Headers found: 维修单号/);
		expect(workbench(['import', 'x.csv', '--kind', 'gadget']).stderr).toMatch(
			/^workbench import: --kind "gadget" is not one of repair, return, complaint, survey, sales\n/
		);
		const missing = workbench(['import', 'missing.csv', '--kind', 'repair']);
		expect(missing.code).toBe(1);
		expect(missing.stderr).toMatch(/missing.csv: cannot read the file/);
	});

	it('says plainly when another process holds the database', async () => {
		const db = await Database.open(join(dir, 'cli.duckdb'));
		try {
			const r = workbench(['import', join(FIXTURES, 'repairs-forms.csv'), '--kind', 'repair']);
			expect(r.code).toBe(1);
			expect(r.stderr).toMatch(/in use by another process.*Stop the workbench server/);
		} finally {
			db.close();
		}
	});
});

describe('the language of the CLI', () => {
	const say = (args: string[], lang?: string) => {
		const r = spawnSync(process.execPath, [join(ROOT, 'bin/workbench.js'), ...args], {
			cwd: ROOT,
			env: { ...process.env, WORKBENCH_DB: join(dir, 'cli.duckdb'), WORKBENCH_LANG: lang ?? '' },
			encoding: 'utf8'
		});
		return { code: r.status, stdout: r.stdout, stderr: r.stderr };
	};

	it('prints its usage in WORKBENCH_LANG, English when unset', () => {
		expect(say(['--help']).stdout).toMatch(/^Usage: workbench <command>/);
		const zh = say(['--help'], 'zh-CN');
		expect(zh.code).toBe(0);
		expect(zh.stdout).toMatch(/^用法：workbench <命令>/);
		expect(say(['--help'], 'en').stdout).toMatch(/^Usage: workbench <command>/);
	});

	it('says a --map header the file lacks in WORKBENCH_LANG', () => {
		const r = say(
			['import', join(FIXTURES, 'repairs-forms.csv'), '--kind', 'repair', '--map', 'x=symptom'],
			'zh-CN'
		);
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(
			/^workbench import: repairs-forms\.csv: 映射中的表头 "x" 不在文件中；文件表头：维修单号 \|/
		);
		expect(r.stderr).not.toMatch(/Headers found/);
	});

	it('says a refused metric request in WORKBENCH_LANG, in both languages when unset', () => {
		const en = 'Unknown metric "no.such"';
		const zh = '没有指标 "no.such"';
		const both = say(['metric', 'no.such']);
		expect(both.code).toBe(1);
		expect(both.stderr).toContain(zh);
		expect(both.stderr).toContain(en);
		const chinese = say(['metric', 'no.such'], 'zh-CN').stderr;
		expect([chinese.includes(zh), chinese.includes(en)]).toEqual([true, false]);
		const english = say(['metric', 'no.such'], 'en').stderr;
		expect([english.includes(zh), english.includes(en)]).toEqual([false, true]);
	});
});
