import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'tests/fixtures/assessment');
const dir = mkdtempSync(join(tmpdir(), 'workbench-assess-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function workbench(args: string[], env: Record<string, string> = {}) {
	const r = spawnSync(process.execPath, [join(ROOT, 'bin/workbench.js'), ...args], {
		cwd: ROOT,
		env: { ...process.env, WORKBENCH_DB: join(dir, 'unused.duckdb'), ...env },
		encoding: 'utf8'
	});
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const fixture = (name: string) => join(FIXTURES, name);

/** What `assess score --json` prints for a complete (not provisional) assessment. */
const scored = (
	earned: number,
	applicable: number,
	base: number,
	deductions: number,
	merit: number,
	score: number,
	level: string
) => ({ earned, applicable, base, deductions, merit, score, level, provisional: false });

describe('workbench assess score', () => {
	it('scores a fully conforming assessment 100, five-star, and prints only the JSON fields with --json', () => {
		const r = workbench(['assess', 'score', fixture('conforming.json'), '--json']);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		expect(JSON.parse(r.stdout)).toEqual(scored(100, 100, 100, 0, 0, 100, 'five-star'));
		expect(r.stdout.trim().split('\n')).toHaveLength(1);
	});

	it('scores a mixed assessment as computed by hand', () => {
		// Shipped catalogue, every check item conforming except:
		//   1.2.1 (2 points) nonconform                  → earns 0, loses 2
		//   2.4.1 (3 points) nonconform                  → earns 0, loses 3
		//   2.4.3 (2 points) sampled 17 of 20 conforming → earns 1.7, loses 0.3
		//   3.2.5 (2.5 points) sampled 18 of 20          → earns 2.25, loses 0.25
		//   2.6.1 + 2.6.2 + 2.6.3 (1.5 + 1.5 + 1) excluded → applicable 100 − 4 = 96
		// earned = 96 − (2 + 3 + 0.3 + 0.25) = 90.45; base = 90.45 ÷ 96 × 100 = 94.21875
		// 2 special deductions, 1 merit: score = 94.21875 − 2 + 1 = 93.21875 → four-star (≥ 90, < 95)
		const r = workbench(['assess', 'score', fixture('mixed.json'), '--json']);
		expect(r.code).toBe(0);
		expect(JSON.parse(r.stdout)).toEqual(scored(90.45, 96, 94.21875, 2, 1, 93.21875, 'four-star'));
	});

	it('prints a readable zh/en summary with the gap to the next level', () => {
		const r = workbench(['assess', 'score', fixture('mixed.json')]);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('得分 Score: 93.22  四星级 / four-star');
		expect(r.stdout).toContain('2 商品服务 / Product service: 27.7 / 31');
		// 95 − 93.21875 = 1.78125 needed; 1.2.1 brings 2 ÷ 96 × 100 ≈ 2.08 — the one smallest leaf that suffices.
		expect(r.stdout).toMatch(
			/距五星级 \/ to five-star \(≥ 95\): 还差 1\.78 分[\s\S]*\n {2}1\.2\.1 .*\+2\.08\n/
		);
		expect(r.stdout).toContain(
			'A star level is normally granted only a year after first reaching the compliant level.'
		);
	});

	it('marks an incomplete assessment provisional (not-assessed items count as applicable, earning 0)', () => {
		// 1.1.1 (2) + 1.1.2 (2) conform, 2.4.1 nonconform, the other 54 check items not assessed: 4 ÷ 100.
		const r = workbench(['assess', 'score', fixture('provisional.json'), '--json']);
		expect(JSON.parse(r.stdout)).toMatchObject({
			earned: 4,
			applicable: 100,
			score: 4,
			level: 'not-rated',
			provisional: true
		});
		expect(workbench(['assess', 'score', fixture('provisional.json')]).stdout).toContain(
			'暂定 provisional: 54 项未评'
		);
	});

	it('refuses bad input on stderr with a non-zero exit and nothing on stdout', () => {
		const bad = workbench(['assess', 'score', fixture('bad.json'), '--json']);
		expect(bad.code).toBe(1);
		expect(bad.stdout).toBe('');
		expect(bad.stderr).toContain('items["9.9.9"]: no such check item in catalogue gbt27922-2011');
		expect(bad.stderr).toContain('items["2.4.3"].conforming: conforming (12) is more than samples (10)');
		expect(bad.stderr).toContain('merit: at most one special merit counts');

		const notJson = workbench(['assess', 'score', fixture('not-json.json')]);
		expect(notJson.code).toBe(1);
		expect(notJson.stderr).toMatch(/not-json\.json: the assessment file is not valid JSON/);

		const missing = workbench(['assess', 'score', 'nowhere.json']);
		expect(missing.code).toBe(1);
		expect(missing.stderr).toMatch(/nowhere\.json: cannot read the assessment file \(ENOENT\)/);

		const usage = workbench(['assess', 'rate', fixture('mixed.json')]);
		expect(usage.code).toBe(2);
		expect(usage.stderr).toMatch(
			/^workbench assess: assess expects one of score\nUsage:\n {2}workbench assess score FILE\.json/
		);
	});

	it('uses --catalogue or WORKBENCH_STANDARD, and validates the catalogue', () => {
		const broken = fixture('catalogue-99.json');
		const viaFlag = workbench(['assess', 'score', fixture('mixed.json'), '--catalogue', broken]);
		expect(viaFlag.code).toBe(1);
		expect(viaFlag.stderr).toMatch(
			/catalogue-99\.json: invalid catalogue: check-item points sum to 99, not 100/
		);
		const viaEnv = workbench(['assess', 'score', fixture('mixed.json')], { WORKBENCH_STANDARD: broken });
		expect(viaEnv.stderr).toBe(viaFlag.stderr);
	});
});
