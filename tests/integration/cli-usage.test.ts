import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runWorkbench, useCliWorkbench, type CliResult } from '../helpers/cli';

const ROOT = join(import.meta.dirname, '../..');
const cli = useCliWorkbench();
const workbench = (args: string[], env: Record<string, string> = {}) =>
	runWorkbench(args, { WORKBENCH_DB: cli.db, WORKBENCH_LANG: '', ...env });

/** A line of a JavaScript stack trace, which a user should never see. */
const STACK = /^\s+at /m;

/** Each command and subcommand with its own usage, and a word its usage shows. */
const COMMANDS: [string[], RegExp][] = [
	[['import'], /workbench import FILE --kind/],
	[['import', 'undo'], /workbench import undo BATCH_ID/],
	[['metric'], /workbench metric ID .*\n[\s\S]*defects\.monthly/],
	[['assess'], /workbench assess score FILE\.json/],
	[['backup'], /workbench backup DIR/],
	[['restore'], /workbench restore DIR \[--replace\]/],
	[['audit'], /workbench audit export --out FILE/],
	[['report'], /workbench report monthly-review/],
	[['report', 'schedule'], /workbench report schedule add --kind/],
	[['user'], /workbench user token revoke ID/],
	[['defect-codes'], /workbench defect-codes import FILE/],
	[['demo'], /workbench demo \[--json\]/]
];

/** A refusal of the arguments: exit 2, one line naming the problem, then the command's usage. */
function expectUsageError(r: CliResult, line: string, usage: RegExp = /workbench /) {
	expect(r.code).toBe(2);
	expect(r.stdout).toBe('');
	expect(r.stderr).not.toMatch(STACK);
	const [first, head, ...rest] = r.stderr.split('\n');
	expect(first).toBe(line);
	expect(head).toBe('Usage:');
	expect(rest.join('\n')).toMatch(usage);
}

describe('workbench --help', () => {
	it('prints the commands on stdout and exits 0 for --help, -h and help', () => {
		for (const args of [['--help'], ['-h'], ['help']]) {
			const r = workbench(args);
			expect([r.code, r.stderr]).toEqual([0, '']);
			expect(r.stdout).toMatch(/^Usage: workbench <command>[\s\S]*report schedule[\s\S]*--help/);
		}
	});

	it('prints each command’s own usage for COMMAND --help and help COMMAND', () => {
		for (const [command, usage] of COMMANDS) {
			const r = workbench([...command, '--help']);
			expect([r.code, r.stderr], command.join(' ')).toEqual([0, '']);
			expect(r.stdout, command.join(' ')).toMatch(/^Usage:\n {2}workbench /);
			expect(r.stdout, command.join(' ')).toMatch(usage);
		}
		const help = workbench(['help', 'report', 'schedule']);
		expect(help.code).toBe(0);
		expect(help.stdout).toBe(workbench(['report', 'schedule', '-h']).stdout);
	});

	it('speaks WORKBENCH_LANG', () => {
		const r = workbench(['user', '--help'], { WORKBENCH_LANG: 'zh-CN' });
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/^用法：\n {2}workbench user add 用户名 --role/);
	});
});

describe('workbench refuses arguments it cannot use, naming them, without a stack trace', () => {
	it('an unknown option of any command', () => {
		for (const [command, usage] of COMMANDS) {
			const r = workbench([...command, '--frobnicate']);
			expectUsageError(r, `workbench ${command[0]}: unknown option --frobnicate`, usage);
		}
		const zh = workbench(['metric', 'defects.monthly', '-x'], { WORKBENCH_LANG: 'zh-CN' });
		expect(zh.stderr).toMatch(/^workbench metric: 未知选项 -x\n用法：\n {2}workbench metric ID/);
	});

	it('an option without its value, or a switch given one', () => {
		expectUsageError(
			workbench(['metric', 'defects.monthly', '--from']),
			'workbench metric: --from needs a value'
		);
		expectUsageError(
			workbench(['metric', 'defects.monthly', '--from', '--to', '2025-01-31']),
			'workbench metric: --from needs a value'
		);
		expectUsageError(
			workbench(['metric', 'defects.monthly', '--json=yes']),
			'workbench metric: --json takes no value'
		);
		expectUsageError(workbench(['user', 'add', 'ana', '--role']), 'workbench user: --role needs a value');
	});

	it('an option missing or given a value it does not take, naming the value and those it takes', () => {
		const roles = 'admin, analyst, auditor, viewer';
		expectUsageError(
			workbench(['user', 'add', 'dave']),
			`workbench user: --role is missing: give one of ${roles}`
		);
		expectUsageError(
			workbench(['user', 'add', 'dave', '--role', 'superuser']),
			`workbench user: --role "superuser" is not one of ${roles}`
		);
		const out = join(cli.dir, 'review.html');
		expectUsageError(
			workbench(['report', 'monthly-review', '--out', out, '--format', 'docx']),
			'workbench report: --format "docx" is not one of html, pdf, xlsx'
		);
		expectUsageError(
			workbench(['report', 'schedule', 'add', '--kind', 'monthly-review', '--format', 'docx']),
			'workbench report: --format "docx" is not one of html, pdf, xlsx'
		);
		expectUsageError(
			workbench(['import', 'x.csv']),
			'workbench import: --kind is missing: give one of repair, return, complaint, survey, sales'
		);
		const zh = { WORKBENCH_LANG: 'zh-CN' };
		expect(workbench(['user', 'add', 'dave'], zh).stderr).toMatch(
			new RegExp(`^workbench user: 缺少 --role，可选值：${roles}\n用法：`)
		);
		expect(workbench(['report', 'monthly-review', '--out', out, '--format', 'docx'], zh).stderr).toMatch(
			/^workbench report: --format 的值 "docx" 无效，可选值：html, pdf, xlsx\n用法：/
		);
		expect(workbench(['report', 'monthly-review', '--out', out, '--sample', '0'], zh).stderr).toMatch(
			/^workbench report: --sample "0": 数值过小/
		);
	});

	it('an unknown command, without running anything', () => {
		for (const command of ['frobnicate', 'toString', 'token']) {
			const r = workbench([command]);
			expect(r.code).toBe(2);
			expect(r.stderr).toMatch(
				new RegExp(`^workbench: unknown command "${command}"\nUsage: workbench <command>`)
			);
		}
		expect(workbench(['help', 'frobnicate']).stderr).toMatch(/^workbench: unknown command "frobnicate"/);
		const none = workbench([]);
		expect([none.code, none.stdout]).toEqual([2, '']);
		expect(none.stderr).toMatch(/^Usage: workbench <command>/);
	});

	it('a missing or extra argument, a subcommand that does not exist, an id that is not a number', () => {
		expectUsageError(workbench(['import', '--kind', 'repair']), 'workbench import: FILE is missing');
		expectUsageError(workbench(['metric']), 'workbench metric: ID is missing');
		expectUsageError(workbench(['metric', 'a', 'b']), 'workbench metric: unexpected argument "b"');
		expectUsageError(workbench(['backup']), 'workbench backup: DIR is missing');
		expectUsageError(workbench(['demo', 'now']), 'workbench demo: unexpected argument "now"');
		expectUsageError(workbench(['audit']), 'workbench audit: audit expects one of verify, export');
		expectUsageError(
			workbench(['report']),
			'workbench report: report expects one of monthly-review, complaint-analysis, gbt27922, get, list'
		);
		expectUsageError(workbench(['report', 'get', 'RPT-000001']), 'workbench report: --out FILE is missing');
		expectUsageError(
			workbench(['import', 'undo', 'last']),
			'workbench import: BATCH_ID must be a number, got "last"'
		);
		expectUsageError(
			workbench(['user', 'token', 'revoke', 'abc']),
			'workbench user: ID must be a number, got "abc"'
		);
		expectUsageError(workbench(['user', 'token', 'add', 'ana']), 'workbench user: --label is missing');
		expectUsageError(
			workbench(['defect-codes', 'load', 'codes.csv']),
			'workbench defect-codes: defect-codes expects one of import, list'
		);
	});
});

describe('workbench says what is wrong with a file, a date or a folder, without a stack trace', () => {
	it('a defect code sheet that does not exist', () => {
		const r = workbench(['defect-codes', 'import', join(cli.dir, 'missing.csv')]);
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(/^workbench defect-codes: missing\.csv: cannot read the file \(ENOENT/);
		expect(r.stderr).not.toMatch(/internal error|Error:/);
	});

	it('a date that does not exist in an audit export', () => {
		const out = join(cli.dir, 'audit.csv');
		expectUsageError(
			workbench(['audit', 'export', '--out', out, '--from', '2025-99-01']),
			'workbench audit: --from "2025-99-01": no such date'
		);
		expectUsageError(
			workbench(['audit', 'export', '--to', '2025-01-31']),
			'workbench audit: --out is missing'
		);
	});

	it('an --out in a folder that does not exist, or that is a folder', () => {
		const missing = join(cli.dir, 'no', 'such', 'audit.csv');
		const r = workbench(['audit', 'export', '--out', missing]);
		expect(r.code).toBe(1);
		expect(r.stderr).toBe(
			`workbench audit: ${missing}: cannot write the file, the folder ${join(cli.dir, 'no', 'such')} does not exist\n`
		);
		const folder = workbench(['audit', 'export', '--out', cli.dir]);
		expect(folder.stderr).toBe(`workbench audit: ${cli.dir} is a folder: --out needs a file name\n`);
	});

	it('a backup into a file, and a sample data set that is not there', () => {
		const file = join(cli.dir, 'a-file');
		writeFileSync(file, '');
		const backup = workbench(['backup', file]);
		expect(backup.code).toBe(1);
		expect(backup.stderr).toContain(`${file} is not a folder: choose a new folder for the backup`);
		expect(backup.stderr).not.toMatch(STACK);
		const demo = workbench(['demo'], { WORKBENCH_SAMPLES: join(cli.dir, 'no-samples') });
		expect(demo.code).toBe(1);
		expect(demo.stderr).toBe(
			`workbench demo: cannot read the sample data set ${join(cli.dir, 'no-samples', 'manifest.json')} (ENOENT); set WORKBENCH_SAMPLES to its folder\n`
		);
	});
});

describe('bin/workbench.js', () => {
	it('writes the generated tsconfig it needs when a checkout lacks it, then runs', () => {
		// A copy of the project without .svelte-kit: what `npm ci --ignore-scripts` leaves.
		const root = mkdtempSync(join(tmpdir(), 'workbench-bin-'));
		try {
			mkdirSync(join(root, 'bin'));
			cpSync(join(ROOT, 'bin/workbench.js'), join(root, 'bin/workbench.js'));
			for (const entry of ['src', 'node_modules', 'package.json', 'svelte.config.js', 'tsconfig.json'])
				symlinkSync(join(ROOT, entry), join(root, entry));
			const r = runWorkbench(['metric', '--help'], {}, join(root, 'bin/workbench.js'));
			expect(r.stderr).toBe('');
			expect([r.code, r.stdout.split('\n')[0]]).toEqual([0, 'Usage:']);
		} finally {
			rmSync(root, { recursive: true, force: true });
		}
	});
});
