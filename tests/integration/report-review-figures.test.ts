import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { NO_SCOPE } from '../../src/lib/domain/auth/user';
import type { ReportKind } from '../../src/lib/domain/reports/document';
import { metricRows } from '../../src/lib/server/metrics/registry';
import { ReportError } from '../../src/lib/server/reports/errors';
import { generateReport } from '../../src/lib/server/reports/generate';
import { listSnapshots, snapshotBytes, snapshotFigures } from '../../src/lib/server/reports/snapshots';
import { figuresTable as table, useDemoReports } from '../helpers/demo-reports';

/**
 * The monthly review on the demo data, which ends on 2025-12-31: which months a report may cover, how
 * its KPI table states each change, and the targets in its returns table's headings.
 */
const NOW = new Date('2026-12-06T08:00:00Z');
const MONTH = '2025-12';

const env = useDemoReports();

type Lang = 'zh-CN' | 'en';
const request = (kind: ReportKind, format: 'html' | 'xlsx', lang: Lang, period: string) => ({
	kind,
	format,
	lang,
	period,
	filters: {}
});
const generate = (kind: ReportKind, format: 'html' | 'xlsx', lang: Lang, period = MONTH) =>
	generateReport(env.db, request(kind, format, lang, period), { actor: 'tester', now: NOW });
const bytes = async (id: string) => (await snapshotBytes(env.db, id, NO_SCOPE)).bytes;

async function workbook(id: string): Promise<ExcelJS.Workbook> {
	const book = new ExcelJS.Workbook();
	await book.xlsx.load((await bytes(id)) as unknown as ArrayBuffer);
	return book;
}

/** The row of a sheet whose first cell is `name`. */
function sheetRow(sheet: ExcelJS.Worksheet, name: string): ExcelJS.Row {
	for (let i = 1; i <= sheet.rowCount; i++)
		if (sheet.getRow(i).getCell(1).value === name) return sheet.getRow(i);
	throw new Error(`no row ${name} in ${sheet.name}`);
}

describe('report periods', () => {
	it.each([
		['monthly-review', '2026-12'],
		['monthly-review', '2026-01'],
		['monthly-review', '2027-05'],
		['complaint-analysis', '2026-12']
	] as const)(
		'%s refuses %s, after the data, naming it and the latest complete month',
		async (kind, period) => {
			const before = (await listSnapshots(env.db, NO_SCOPE)).length;
			const refused = await generate(kind, 'html', 'en', period).catch((e: unknown) => e);
			expect(refused).toBeInstanceOf(ReportError);
			const error = refused as ReportError;
			expect(error.status).toBe(422);
			expect(error.in('en')).toBe(
				`${period} is after the data (as of 2025-12-31): a report of it would show no figures of ${period}; the latest complete month is 2025-12`
			);
			expect(error.in('zh-CN')).toContain(`${period} 晚于现有数据（数据截至 2025-12-31）`);
			expect(error.in('zh-CN')).toContain('最近的完整月份是 2025-12');
			expect(await listSnapshots(env.db, NO_SCOPE)).toHaveLength(before);
		}
	);

	it('reports the latest complete month itself, every figure under its own month', async () => {
		const snapshot = await generate('monthly-review', 'html', 'en');
		expect(snapshot.period).toBe(MONTH);
		const kpis = await metricRows(env.db, 'overview.kpis', { to: '2025-12-31', filters: {} });
		const rows = table(await snapshotFigures(env.db, snapshot.id, NO_SCOPE), 'kpis').rows;
		// The 30-day repeat rate of December is not mature on 2025-12-31: November's is shown, and says so.
		const repeat = kpis.findIndex((k) => k.kpi === 'repeat_rate');
		expect(kpis[repeat].month).toBe('2025-11');
		expect(rows[repeat].name).toBe('30-day repeat rate (of 2025-11)');
		kpis.forEach((k, i) => {
			if (k.month === MONTH) expect(rows[i].name).not.toMatch(/\(of /);
		});
		expect((await bytes(snapshot.id)).toString('utf8')).toContain(
			'A month in brackets: that figure is not yet complete (or mature) for 2025-12'
		);
	});
});

describe('KPI changes in their kind', () => {
	/**
	 * December 2025 against November: 4.73‰ vs 4.21‰, CSAT 3.94 vs 3.82, NPS 2.1 vs −7.8 (unrounded, 9.95
	 * points: "+10.0" as the overview's card rounds it).
	 */
	const EXPECTED: Record<string, { cellKind: string; zh: string; en: string; format: string }> = {
		repair_rate: {
			cellKind: 'points:per1000',
			zh: '+0.53 个千分点',
			en: '+0.53 ‰ points',
			format: '+0.00" ‰ points";-0.00" ‰ points";0.00" ‰ points"'
		},
		csat: {
			cellKind: 'points:score',
			zh: '+0.12 分',
			en: '+0.12 points',
			format: '+0.00" points";-0.00" points";0.00" points"'
		},
		nps: {
			cellKind: 'points:nps',
			zh: '+10.0 分',
			en: '+10.0 points',
			format: '+0.0" points";-0.0" points";0.0" points"'
		}
	};

	it('states rates per mille and scores in points in the figures and the HTML, zh and en', async () => {
		const kpis = await metricRows(env.db, 'overview.kpis', { to: '2025-12-31', filters: {} });
		for (const lang of ['zh-CN', 'en'] as const) {
			const snapshot = await generate('monthly-review', 'html', lang);
			const html = (await bytes(snapshot.id)).toString('utf8');
			const rows = table(await snapshotFigures(env.db, snapshot.id, NO_SCOPE), 'kpis').rows;
			for (const [kpi, expected] of Object.entries(EXPECTED)) {
				const i = kpis.findIndex((k) => k.kpi === kpi);
				const k = kpis[i];
				expect(rows[i].change_kind, kpi).toBe(expected.cellKind);
				expect(rows[i].change_mom, kpi).toBeCloseTo(k.value! - k.previous!, 9);
				const cells = [...html.matchAll(/<tr>(.*?)<\/tr>/g)].find((m) =>
					m[1].startsWith(`<td>${rows[i].name}</td>`)
				)![1];
				expect(cells, kpi).toContain(`<td class="num">${lang === 'en' ? expected.en : expected.zh}</td>`);
			}
			// Counts stay relative.
			const repairs = kpis.findIndex((k) => k.kpi === 'repairs');
			expect(rows[repairs].change_kind).toBe('change');
		}
	});

	it('writes each change in the XLSX as a number in its unit with its own format', async () => {
		const snapshot = await generate('monthly-review', 'xlsx', 'en');
		const book = await workbook(snapshot.id);
		const sheet = book.worksheets.find((s) => s.name.startsWith('Headline figures of 2025-12'))!;
		const kpis = await metricRows(env.db, 'overview.kpis', { to: '2025-12-31', filters: {} });
		const by = (kpi: string) => kpis.find((k) => k.kpi === kpi)!;
		for (const [kpi, expected] of Object.entries(EXPECTED)) {
			const k = by(kpi);
			const mom = sheetRow(
				sheet,
				{ repair_rate: 'Repairs per 1000 in warranty', csat: 'CSAT', nps: 'NPS' }[kpi]!
			).getCell(4);
			expect(mom.value, kpi).toBeCloseTo(k.value! - k.previous!, 9);
			expect(mom.numFmt, kpi).toBe(expected.format);
		}
		// A share's change is stored in percentage points, a count's as a fraction with a percent format.
		const onTime = by('repair_on_time');
		const pp = sheetRow(sheet, 'Repairs within target').getCell(4);
		expect(pp.value).toBeCloseTo((onTime.value! - onTime.previous!) * 100, 9);
		expect(pp.numFmt).toBe('+0.0" pp";-0.0" pp";0.0" pp"');
		const count = sheetRow(sheet, 'Repair orders').getCell(4);
		expect(count.value).toBeCloseTo(by('repairs').change_mom!, 9);
		expect(count.numFmt).toBe('+0.0%;-0.0%;0.0%');
	});
});

describe('service targets', () => {
	it('head the returns and complaint shares with the configured targets', async () => {
		const path = join(env.dir, 'metrics.json');
		copyFileSync(join(import.meta.dirname, '../../data/metrics.json'), path);
		const config = JSON.parse(readFileSync(path, 'utf8'));
		config.params.counter_target_minutes = 15;
		config.params.inspection_target_minutes = 45;
		config.params.response_target_hours = 6;
		writeFileSync(path, JSON.stringify(config));
		const kept = process.env.WORKBENCH_METRICS;
		process.env.WORKBENCH_METRICS = path;
		try {
			const zh = await generate('monthly-review', 'html', 'zh-CN');
			const labels = table(await snapshotFigures(env.db, zh.id, NO_SCOPE), 'returns').columns.map(
				(c) => c.label
			);
			expect(labels).toContain('柜台受理 ≤ 15 分钟');
			expect(labels).toContain('检验响应 ≤ 45 分钟');
			const html = (await bytes(zh.id)).toString('utf8');
			expect(html).toContain('<th class="num">柜台受理 ≤ 15 分钟</th>');
			// The complaint shares' chart says its targets in its legend, its table (XLSX, figures) in its headings.
			expect(html).toContain('>响应 ≤ 6 小时</text>');
			expect(html).toContain('>解决 ≤ 48 小时</text>');
			const sla = table(await snapshotFigures(env.db, zh.id, NO_SCOPE), 'complaints_sla');
			expect(sla.columns.map((c) => c.label)).toContain('响应 ≤ 6 小时');
			expect(html).not.toMatch(/\{[a-z]\w*\}/i);

			const en = await generate('monthly-review', 'xlsx', 'en');
			const sheet = (await workbook(en.id)).worksheets.find((s) => s.name === 'Returns')!;
			const headers = (sheet.getRow(1).values as unknown[]).filter(Boolean);
			expect(headers).toContain('Counter ≤ 15 min');
			expect(headers).toContain('Inspection ≤ 45 min');
		} finally {
			if (kept === undefined) delete process.env.WORKBENCH_METRICS;
			else process.env.WORKBENCH_METRICS = kept;
		}
	});
});
