import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { NO_SCOPE } from '../../src/lib/domain/auth/user';
import { lateComplaints } from '../../src/lib/server/metrics/complaints-late';
import { metricRows } from '../../src/lib/server/metrics/registry';
import { BREAKDOWNS } from '../../src/lib/server/reports/complaint-analysis-breakdowns';
import { generateReport } from '../../src/lib/server/reports/generate';
import { snapshotBytes, snapshotFigures } from '../../src/lib/server/reports/snapshots';
import { figuresTable as table, useDemoReports } from '../helpers/demo-reports';

/** The monthly complaint analysis on the demo data: its figures are the registry's, in every format. */
const PERIOD = '2024-07';
const MONTH = { from: '2024-07-01', to: '2024-07-31' };
const NOW = new Date('2026-01-10T08:00:00Z');

const env = useDemoReports();

const request = (format: 'html' | 'pdf' | 'xlsx', lang: 'zh-CN' | 'en' = 'zh-CN', period = PERIOD) => ({
	kind: 'complaint-analysis' as const,
	format,
	lang,
	period,
	filters: {}
});

const registry = <Id extends Parameters<typeof metricRows>[1]>(id: Id, query: object, by?: string) =>
	metricRows(env.db, id, { ...query, by, filters: {} });

describe('monthly complaint analysis', () => {
	it('carries the registry figures for the same month and filters', async () => {
		const snapshot = await generateReport(env.db, request('html'), { actor: 'tester', now: NOW });
		expect(snapshot.period).toBe(PERIOD);
		const figures = await snapshotFigures(env.db, snapshot.id, NO_SCOPE);

		const sla = await registry('complaints.sla', { from: '2023-07-01', to: MONTH.to });
		expect(table(figures, 'complaints_sla').rows).toEqual(sla);
		const july = sla.find((r) => r.month === PERIOD)!;
		for (const dim of BREAKDOWNS) {
			const rows = await registry('complaints.breakdown', MONTH, dim);
			const printed = table(figures, `by_${dim}`).rows;
			expect(printed.map((r) => [r.count, r.share])).toEqual(rows.map((r) => [r.count, r.share]));
			expect(printed.map((r) => r.key)).toEqual(rows.map((r) => r.key ?? '（未填写）'));
			expect(rows.reduce((s, r) => s + r.count, 0)).toBe(july.complaints);
		}
		const backlog = await registry('complaints.backlog', MONTH);
		expect(backlog[0].as_of).toBe('2024-08-01 00:00:00');
		expect(table(figures, 'backlog').rows.map((r) => [r.complaints, r.share])).toEqual(
			backlog.map((r) => [r.complaints, r.share])
		);
		// 捷修科技: 维修质量 ×6 in 2024-07 (a final warning) and over 25 complaints since January.
		const escalations = (
			await registry('complaints.escalations', { from: '2024-01-01', to: MONTH.to })
		).filter((e) => e.month === PERIOD);
		expect(escalations.length).toBeGreaterThan(0);
		expect(table(figures, 'escalations').rows.map((r) => [r.supplier, r.issue, r.complaints])).toEqual(
			escalations.map((e) => [e.supplier, e.issue, e.complaints])
		);
		expect(table(figures, 'escalations').rows.map((r) => r.level)).toContain('最后通牒');
		const late = await lateComplaints(env.db, { ...MONTH, filters: {} });
		expect(table(figures, 'late').rows.map((r) => [r.complaint_id, r.hours])).toEqual(
			late.map((r) => [r.complaint_id, r.hours])
		);
		const known = july.complaints - july.pending;
		expect(late.length).toBe(Math.round(known * (1 - july.resolution_within_target_share!)));

		const facts = figures.sections[0].blocks[0];
		expect(facts.type === 'facts' && facts.facts.map((x) => x.value)).toEqual([
			july.complaints,
			july.response_within_target_share,
			july.resolution_within_target_share,
			july.pending,
			late.length,
			backlog.reduce((s, r) => s + r.complaints, 0),
			escalations.length
		]);
	});

	it('prints every definition it uses, the case list rule among them, and the complaint batches', async () => {
		const snapshot = await generateReport(env.db, request('html', 'en'), { actor: 'tester', now: NOW });
		const html = (await snapshotBytes(env.db, snapshot.id, NO_SCOPE)).bytes.toString('utf8');
		expect(html).toContain('Monthly complaint analysis summary');
		for (const id of [
			'complaints.sla',
			'complaints.breakdown',
			'complaints.backlog',
			'complaints.escalations',
			'complaints.late-cases'
		])
			expect(html).toContain(id);
		expect(html).toContain('complaints-2023-2025.csv');
		expect(html).not.toContain('repairs-2023-2025.gbk.csv');
		expect(html).not.toMatch(/<(script|link|img|iframe)\b/i);
		expect((html.match(/<svg /g) ?? []).length).toBe(1 + BREAKDOWNS.length);
	});

	it('lists the year’s commendations in the December report', async () => {
		const snapshot = await generateReport(env.db, request('html', 'zh-CN', '2024-12'), {
			actor: 'tester',
			now: NOW
		});
		const figures = await snapshotFigures(env.db, snapshot.id, NO_SCOPE);
		const commendations = (
			await registry('complaints.escalations', { from: '2024-01-01', to: '2024-12-31' })
		).filter((e) => e.level === 'commendation');
		expect(commendations.length).toBeGreaterThan(0);
		const printed = table(figures, 'escalations').rows.filter((r) => r.level === '年度无投诉表彰');
		expect(printed.map((r) => r.supplier)).toEqual(commendations.map((e) => e.supplier));
		// The commendations read the year's repairs and returns: their batches are in the lineage.
		const html = (await snapshotBytes(env.db, snapshot.id, NO_SCOPE)).bytes.toString('utf8');
		expect(html).toContain('repairs-2023-2025.gbk.csv');
		expect(html).toContain('returns-2023-2025.csv');
	});

	it('writes an XLSX with a sheet per table', async () => {
		const snapshot = await generateReport(env.db, request('xlsx', 'en'), { actor: 'tester', now: NOW });
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(
			(await snapshotBytes(env.db, snapshot.id, NO_SCOPE)).bytes as unknown as ArrayBuffer
		);
		expect(book.worksheets[0].name).toBe('Summary');
		const category = book.worksheets.find((s) => s.name.endsWith('by category'))!;
		expect(category.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		const rows = await registry('complaints.breakdown', MONTH, 'category');
		expect(category.getCell('B2').value).toBe(rows[0].count);
		expect(book.worksheets.some((s) => s.name.startsWith('2024-07 complaints resolved'))).toBe(true);
	});

	it('prints a PDF whose text holds the headline figures in Chinese', async () => {
		const snapshot = await generateReport(env.db, request('pdf'), { actor: 'tester', now: NOW });
		const file = join(env.dir, 'ca.pdf');
		writeFileSync(file, (await snapshotBytes(env.db, snapshot.id, NO_SCOPE)).bytes);
		const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
		expect(text).toContain('月度投诉分析汇总');
		expect(text).toContain(snapshot.id);
		expect(text).toContain('未办结投诉账龄');
		const [july] = await registry('complaints.sla', MONTH);
		const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
		expect(text).toContain(pct(july.resolution_within_target_share!));
		expect(text).toContain(pct(july.response_within_target_share!));
		expect(text).toMatch(new RegExp(`当月受理投诉\\s+${july.complaints}\\b`));
		expect(text).toContain('捷修科技');
		// The breakdown tables are printed under their charts: the top category with its count.
		const [top] = await registry('complaints.breakdown', MONTH, 'category');
		expect(text).toMatch(new RegExp(`${top.key}\\s+${top.count}\\s+${pct(top.share)}`));
	}, 60_000);
});
