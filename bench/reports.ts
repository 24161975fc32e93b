/**
 * Report generation on the 5M-repair data set (bench/metrics-data.ts): the monthly executive review
 * of its last complete month, as HTML (target < 2 s) and as PDF (target < 5 s), end to end — figures
 * through the registry, charts to SVG, Chromium printing, the snapshot stored. It runs on a copy of
 * the cached data file, since storing snapshots writes to the database.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../src/lib/server/db/connection';
import { generateReport } from '../src/lib/server/reports/generate';
import { envInt, stats } from './common';
import type { Check } from './import';
import { metricsData } from './metrics-data';

const TARGETS = { html: 2000, pdf: 5000 } as const;

export async function runReportsBench(): Promise<{ name: string; markdown: string; checks: Check[] }> {
	const data = await metricsData();
	const dir = mkdtempSync(join(tmpdir(), 'bench-reports-'));
	const repeat = envInt('BENCH_REPEAT', 3, 1);
	const previousReports = process.env.WORKBENCH_REPORTS;
	process.env.WORKBENCH_REPORTS = join(dir, 'reports');
	copyFileSync(data.path, join(dir, 'bench.duckdb'));
	const db = await Database.open(join(dir, 'bench.duckdb'));
	try {
		const lines = ['| format | runs | first | p50 | max | size | target |', '|---|---|---|---|---|---|---|'];
		const checks: Check[] = [];
		for (const format of ['html', 'pdf'] as const) {
			const ms: number[] = [];
			let size = 0;
			for (let i = 0; i < repeat; i++) {
				const started = performance.now();
				const snapshot = await generateReport(
					db,
					{ kind: 'monthly-review', format, lang: 'zh-CN', filters: {} },
					{ actor: 'bench' }
				);
				ms.push(performance.now() - started);
				size = snapshot.sizeBytes;
			}
			const s = stats(ms);
			const sec = (v: number) => `${(v / 1000).toFixed(2)} s`;
			lines.push(
				`| ${format.toUpperCase()} | ${repeat} | ${sec(ms[0])} | ${sec(s.p50)} | ${sec(s.max)} | ${(size / 1024).toFixed(0)} KiB | < ${sec(TARGETS[format])} |`
			);
			checks.push({
				name: `Monthly review ${format.toUpperCase()}, 5M repairs (p50)`,
				value: sec(s.p50),
				target: `< ${sec(TARGETS[format])}`,
				pass: s.p50 < TARGETS[format]
			});
		}
		const rows = Object.entries(data.rows)
			.map(([table, n]) => `${n.toLocaleString('en')} ${table}`)
			.join(', ');
		return {
			name: 'reports',
			markdown: `Monthly executive review of the latest complete month on ${rows}; each run makes and stores a new snapshot.\n\n${lines.join('\n')}`,
			checks
		};
	} finally {
		db.close();
		if (previousReports === undefined) delete process.env.WORKBENCH_REPORTS;
		else process.env.WORKBENCH_REPORTS = previousReports;
		rmSync(dir, { recursive: true, force: true });
	}
}
