import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURE = join(ROOT, 'tests/fixtures/metrics/complaints/complaints.csv');
let dir: string;

function workbench(args: string[]) {
	const r = spawnSync(process.execPath, [join(ROOT, 'bin/workbench.js'), ...args], {
		cwd: ROOT,
		env: { ...process.env, WORKBENCH_DB: join(dir, 'cli.duckdb'), WORKBENCH_REPORTS: join(dir, 'reports') },
		encoding: 'utf8'
	});
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'workbench-report-complaints-'));
	expect(workbench(['import', FIXTURE, '--kind', 'complaint', '--json']).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('workbench report complaint-analysis', () => {
	it('writes the month’s analysis and prints {reportId, sha256, path} with --json', () => {
		const out = join(dir, 'complaints.html');
		const r = workbench([
			'report',
			'complaint-analysis',
			'--period',
			'2024-05',
			'--format',
			'html',
			'--out',
			out,
			'--json'
		]);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		const printed = JSON.parse(r.stdout);
		expect(Object.keys(printed).sort()).toEqual(['path', 'reportId', 'sha256']);
		expect(printed.sha256).toBe(createHash('sha256').update(readFileSync(out)).digest('hex'));
		const html = readFileSync(out, 'utf8');
		expect(html).toContain('月度投诉分析汇总');
		expect(html).toContain(printed.reportId);
		// The fixture's May (tests/fixtures/metrics/complaints/README.md): K3, K5 and K9 resolved late.
		for (const id of ['K3', 'K5', 'K9']) expect(html).toContain(`<td>${id}</td>`);
		expect(html).toContain('截至 2024-06-01 00:00');
	});

	it('refuses a month not complete yet, naming the complete one', () => {
		const r = workbench([
			'report',
			'complaint-analysis',
			'--period',
			'2024-06',
			'--out',
			join(dir, 'x.html')
		]);
		expect(r.code).toBe(1);
		expect(r.stderr).toContain('2024-05');
	});
});
