import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCliWorkbench } from '../helpers/cli';

const ROOT = join(import.meta.dirname, '../..');
const cli = useCliWorkbench();
const workbench = cli.run;

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

beforeAll(() => {
	const csv = join(cli.dir, 'repairs.csv');
	writeFileSync(
		csv,
		'维修单号,报修时间,产品型号,配件费\nR1,2025-10-03 09:00,KFR-35GW,120\nR2,2025-11-04 10:00,KFR-35GW,80\nR3,2025-11-20 11:00,XQG100,=1+1\nR4,2025-11-30 18:00,XQG100,10\n'
	);
	expect(workbench(['import', csv, '--kind', 'repair', '--json']).code).toBe(0);
	const complaints = join(ROOT, 'tests/fixtures/metrics/complaints/complaints.csv');
	expect(workbench(['import', complaints, '--kind', 'complaint', '--json']).code).toBe(0);
});

describe('workbench report', () => {
	it('writes the report and prints only {reportId, sha256, path} with --json; get returns the same bytes', () => {
		const out = join(cli.dir, 'review.html');
		const r = workbench([
			'report',
			'monthly-review',
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
		expect(Object.keys(printed).sort()).toEqual(['path', 'reportId', 'sha256']);
		expect(printed.path).toBe(out);
		expect(printed.sha256).toBe(sha(out));
		expect(readFileSync(out, 'utf8')).toContain(printed.reportId);

		const copy = join(cli.dir, 'copy.html');
		const got = workbench(['report', 'get', printed.reportId, '--out', copy, '--json']);
		expect(got.code).toBe(0);
		expect(JSON.parse(got.stdout)).toEqual({ ...printed, path: copy });
		expect(sha(copy)).toBe(printed.sha256);

		const list = workbench(['report', 'list', '--json']);
		expect(JSON.parse(list.stdout).map((s: { id: string }) => s.id)).toEqual([printed.reportId]);
		// The text list ends each line with the report's scope: made on the database file, the whole company.
		expect(workbench(['report', 'list']).stdout).toBe(
			`${printed.reportId}  monthly-review  2025-11  html  ${JSON.parse(list.stdout)[0].generatedAt}  ${printed.sha256}  whole company\n`
		);
	});

	it('writes English XLSX when asked, the format taken from the file name', () => {
		const out = join(cli.dir, 'review.xlsx');
		const r = workbench([
			'report',
			'monthly-review',
			'--period',
			'2025-11',
			'--lang',
			'en',
			'--out',
			out,
			'--json'
		]);
		expect(r.code).toBe(0);
		expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
	});

	it('refuses a bad period or a missing --out with usage and exit code 2, writing nothing', () => {
		const bad = workbench([
			'report',
			'monthly-review',
			'--period',
			'2025-13',
			'--out',
			join(cli.dir, 'x.html')
		]);
		expect(bad.code).toBe(2);
		expect(bad.stdout).toBe('');
		expect(bad.stderr).toMatch(/--period "2025-13": must be a month, YYYY-MM/);
		const noOut = workbench(['report', 'monthly-review', '--period', '2025-11']);
		expect(noOut.code).toBe(2);
		expect(noOut.stderr).toMatch(/^workbench report: --out FILE is missing\nUsage:/);
		const unknown = workbench(['report', 'get', 'RPT-999999', '--out', join(cli.dir, 'y.html')]);
		expect(unknown.code).toBe(1);
		expect(unknown.stderr).toContain('RPT-999999');
	});

	it('refuses a month after the data, naming the latest complete one, and stores nothing', () => {
		const before = JSON.parse(workbench(['report', 'list', '--json']).stdout).length;
		const out = join(cli.dir, 'future.html');
		const r = workbench(['report', 'monthly-review', '--period', '2026-12', '--out', out]);
		expect(r.code).toBe(1);
		expect(r.stderr).toContain('2026-12 晚于现有数据（数据截至 2025-11-30）');
		expect(r.stderr).toContain(
			'2026-12 is after the data (as of 2025-11-30): a report of it would show no figures of 2026-12; the latest complete month is 2025-11'
		);
		expect(existsSync(out)).toBe(false);
		expect(JSON.parse(workbench(['report', 'list', '--json']).stdout)).toHaveLength(before);
	});

	it('refuses an --out it cannot write before generating anything', () => {
		const before = JSON.parse(workbench(['report', 'list', '--json']).stdout).length;
		const out = join(cli.dir, 'no', 'such', 'review.html');
		const r = workbench(['report', 'monthly-review', '--period', '2025-11', '--out', out]);
		expect(r.code).toBe(1);
		expect(r.stderr).toBe(
			`workbench report: ${out}: cannot write the file, the folder ${join(cli.dir, 'no', 'such')} does not exist\n`
		);
		expect(JSON.parse(workbench(['report', 'list', '--json']).stdout)).toHaveLength(before);
	});

	it('writes the monthly complaint analysis', () => {
		const out = join(cli.dir, 'complaints.html');
		const args = ['complaint-analysis', '--period', '2024-05', '--format', 'html', '--out', out, '--json'];
		const r = workbench(['report', ...args]);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		const printed = JSON.parse(r.stdout);
		expect(printed.sha256).toBe(sha(out));
		const html = readFileSync(out, 'utf8');
		expect(html).toContain('月度投诉分析汇总');
		// The fixture's May (tests/fixtures/metrics/complaints/README.md): K3, K5 and K9 resolved late.
		for (const id of ['K3', 'K5', 'K9']) expect(html).toContain(`<td>${id}</td>`);
		expect(html).toContain('截至 2024-06-01 00:00');
		// June is the complaints' month to date: refused, naming May.
		const june = workbench(['report', 'complaint-analysis', '--period', '2024-06', '--out', out]);
		expect(june.code).toBe(1);
		expect(june.stderr).toContain('2024-05');
	});
});
