import { NO_SCOPE } from '../../src/lib/domain/auth/user';
import { defectLabel } from '../../src/lib/domain/defect-codes';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest';
import { metricRows } from '../../src/lib/server/metrics/registry';
import { generateReport } from '../../src/lib/server/reports/generate';
import { snapshotBytes, snapshotFigures } from '../../src/lib/server/reports/snapshots';
import { figuresTable as table, useDemoReports } from '../helpers/demo-reports';

const PERIOD = '2025-11';
const NOW = new Date('2026-01-10T08:00:00Z');

const env = useDemoReports();

const request = (format: 'html' | 'pdf' | 'xlsx', lang: 'zh-CN' | 'en' = 'zh-CN') => ({
	kind: 'monthly-review' as const,
	format,
	lang,
	period: PERIOD,
	filters: {}
});

describe('monthly executive review', () => {
	it('carries the registry figures for the same month and filters', async () => {
		const snapshot = await generateReport(env.db, request('html'), { actor: 'tester', now: NOW });
		const figures = await snapshotFigures(env.db, snapshot.id, NO_SCOPE);
		const kpis = await metricRows(env.db, 'overview.kpis', { to: '2025-11-30', filters: {} });
		expect(table(figures, 'kpis').rows.map((r) => r.value)).toEqual(kpis.map((k) => k.value));
		expect(table(figures, 'kpis').rows.map((r) => r.change_yoy)).toEqual(kpis.map((k) => k.change_yoy));
		const defects = await metricRows(env.db, 'defects.monthly', {
			from: '2024-11-01',
			to: '2025-11-30',
			filters: {}
		});
		expect(table(figures, 'repair_rate').rows).toEqual(defects);
		const pareto = await metricRows(env.db, 'defects.pareto', {
			from: '2025-11-01',
			to: '2025-11-30',
			by: 'defect_code',
			filters: {}
		});
		// The same rows, the code read with its dictionary name as the chart's axis says it.
		expect(table(figures, 'pareto').rows).toEqual(
			pareto
				.slice(0, 10)
				.map((r) => ({ ...r, key: r.key === null ? '（空）' : defectLabel(r.key, r, 'zh-CN') }))
		);
		expect(table(figures, 'pareto').rows[0].key).toMatch(/^E\d \S+/);
	});

	it('is one self-contained HTML file with the id, definitions and lineage', async () => {
		const snapshot = await generateReport(env.db, request('html'), { actor: 'tester', now: NOW });
		const { bytes } = await snapshotBytes(env.db, snapshot.id, NO_SCOPE);
		const html = bytes.toString('utf8');
		expect(html).toContain(snapshot.id);
		expect(html).not.toMatch(/<(script|link|img|iframe)\b/i);
		expect(html).not.toMatch(/(?:src|href)\s*=/i);
		expect(html).toContain('附录：指标定义');
		expect(html).toContain('defects.monthly');
		expect(html).toContain('repairs-2023-2025.gbk.csv');
		expect((html.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(4);
	});

	it('keeps the bytes of a snapshot after a later import; generating again makes a new id', async () => {
		const first = await generateReport(env.db, request('html'), { actor: 'tester', now: NOW });
		const before = (await snapshotBytes(env.db, first.id, NO_SCOPE)).bytes;
		const extra = join(env.dir, 'late.csv');
		writeFileSync(extra, '维修单号,报修时间,产品型号\nLATE-1,2025-11-15 10:00,KFR-35GW\n');
		await importFile(env.db, extra, { kind: 'repair' });
		const again = await snapshotBytes(env.db, first.id, NO_SCOPE);
		expect(again.bytes.equals(before)).toBe(true);
		expect(again.snapshot.sha256).toBe(first.sha256);
		const second = await generateReport(env.db, request('html'), { actor: 'tester', now: NOW });
		expect(second.id).not.toBe(first.id);
		expect(second.sha256).not.toBe(first.sha256);
	});

	it('refuses a month not yet complete, naming the latest complete one', async () => {
		const late = join(env.dir, 'jan.csv');
		writeFileSync(late, '维修单号,报修时间,产品型号\nJAN-1,2026-01-03 10:00,KFR-35GW\n');
		await importFile(env.db, late, { kind: 'repair' });
		const refused = generateReport(
			env.db,
			{ ...request('html'), period: '2026-01' },
			{ actor: 'tester', now: NOW }
		);
		await expect(refused).rejects.toThrow(/2026-01 is not complete yet \(data as of 2026-01-03\).*2025-12/);
		const byDefault = await generateReport(
			env.db,
			{ ...request('html'), period: undefined },
			{ actor: 'tester', now: NOW }
		);
		expect(byDefault.period).toBe('2025-12');
	});

	it('writes an XLSX with typed cells, frozen headers and a summary', async () => {
		const snapshot = await generateReport(env.db, request('xlsx', 'en'), { actor: 'tester', now: NOW });
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(
			(await snapshotBytes(env.db, snapshot.id, NO_SCOPE)).bytes as unknown as ArrayBuffer
		);
		expect(book.worksheets[0].name).toBe('Summary');
		const rate = book.worksheets.find((s) => s.name.startsWith('Repairs per 1000'))!;
		expect(rate.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(typeof rate.getCell('D2').value).toBe('number');
	});

	it('prints a PDF whose text holds the headline figures in Chinese', async () => {
		const snapshot = await generateReport(env.db, request('pdf'), { actor: 'tester', now: NOW });
		const dir = join(env.dir, 'pdf');
		mkdirSync(dir, { recursive: true });
		const file = join(dir, 'r.pdf');
		writeFileSync(file, (await snapshotBytes(env.db, snapshot.id, NO_SCOPE)).bytes);
		const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
		expect(text).toContain('月度管理评审报告');
		expect(text).toContain(snapshot.id);
		const kpis = await metricRows(env.db, 'overview.kpis', { to: '2025-11-30', filters: {} });
		const repairs = kpis.find((k) => k.kpi === 'repairs')!.value!;
		expect(text).toContain(new Intl.NumberFormat('zh-CN').format(repairs));
	}, 60_000);
});
