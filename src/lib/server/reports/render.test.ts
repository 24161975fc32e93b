import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { lineTrendOption } from '$lib/charts/line-trend';
import type { ReportDocument } from '$lib/domain/reports/document';
import { renderHtml } from './html';
import { printPdf } from './pdf';
import { renderXlsx } from './xlsx';

const rows = [
	{ month: '2025-10', rate_per_1000: 1.25, repairs: 310 },
	{ month: '2025-11', rate_per_1000: 1.5, repairs: 377 }
];

function sampleDoc(lang: 'zh-CN' | 'en'): ReportDocument {
	return {
		id: 'RPT-000042',
		kind: 'monthly-review',
		lang,
		title: lang === 'en' ? 'Monthly executive review' : '月度管理评审报告',
		period: '2025-11',
		filters: { region: ['华东'] },
		generatedAt: '2026-12-05 08:00:00',
		generatedBy: 'tester',
		sections: [
			{
				id: 'kpis',
				title: '关键指标',
				blocks: [
					{ type: 'paragraph', text: '<script>alert(1)</script> 压缩机异响' },
					{
						type: 'table',
						table: {
							id: 'kpis',
							title: '指标表',
							columns: [
								{ key: 'name', label: '指标' },
								{ key: 'value', label: '本月', kind: 'per1000' },
								{ key: 'share', label: '占比', kind: 'share' }
							],
							rows: [
								{ name: '维修率', value: 1.5, share: 0.123 },
								{ name: '=HYPERLINK("http://evil")', value: null, share: 1 }
							]
						}
					},
					{
						type: 'chart',
						title: '维修率趋势',
						option: lineTrendOption({
							rows,
							series: [{ key: 'rate_per_1000', label: '维修率' }],
							axes: [{ name: '‰', kind: 'per1000' }],
							locale: 'zh-CN'
						}),
						table: {
							id: 'trend',
							title: '维修率趋势',
							columns: [
								{ key: 'month', label: '月份' },
								{ key: 'rate_per_1000', label: '维修率', kind: 'per1000' }
							],
							rows
						}
					}
				]
			}
		],
		definitions: [{ id: 'defects.monthly', title: '维修率', definition: '保内维修数 / 保内台数 × 1000' }],
		lineage: [
			{
				batch_id: 7,
				kind: 'repair',
				file_name: '维修工单_2025-11.csv',
				sha256: 'ab'.repeat(32),
				rows: 400,
				accepted: 377,
				updated: 3,
				rejected: 20,
				imported_at: '2025-12-02 09:00:00',
				imported_by: 'cli'
			}
		]
	};
}

describe('report HTML', () => {
	const html = renderHtml(sampleDoc('zh-CN'));

	it('is self-contained: no script, no external reference, a CSP that forbids fetching', () => {
		expect(html).not.toMatch(/<script/i);
		expect(html).toContain(`default-src 'none'`);
		// The only URLs are XML namespaces of the inline SVG.
		const urls = [...html.matchAll(/(?:href|src)\s*=\s*"([^"]+)"/g)].map((m) => m[1]);
		expect(urls).toEqual([]);
		expect(
			[...html.matchAll(/https?:\/\/[^\s"'&)]+/g)]
				.map((m) => m[0])
				.filter((u) => !u.startsWith('http://www.w3.org/'))
		).toEqual(['http://evil']);
	});

	it('escapes user text and formats numbers by kind', () => {
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; 压缩机异响');
		expect(html).toContain('1.50‰');
		expect(html).toContain('12.3%');
		expect(html).toContain('=HYPERLINK(&quot;http://evil&quot;)');
	});

	it('draws the chart as inline SVG and prints the cover, definitions and lineage', () => {
		expect(html).toMatch(/<figure class="chart"><figcaption>维修率趋势<\/figcaption><svg [^>]*viewBox/);
		expect(html).toContain('RPT-000042');
		expect(html).toContain('大区: 华东');
		expect(html).toContain('附录：指标定义');
		expect(html).toContain('维修工单_2025-11.csv');
		expect(html).toContain('ab'.repeat(32));
	});

	it('speaks English when asked', () => {
		const en = renderHtml(sampleDoc('en'));
		expect(en).toContain('Appendix: data lineage (import batches)');
		expect(en).toContain('<html lang="en">');
	});
});

describe('report XLSX', () => {
	it('has a summary sheet and one typed, frozen-header sheet per table, formulas neutralised', async () => {
		const book = new ExcelJS.Workbook();
		await book.xlsx.load((await renderXlsx(sampleDoc('zh-CN'))) as unknown as ArrayBuffer);
		expect(book.worksheets.map((s) => s.name)).toEqual([
			'摘要',
			'指标表',
			'维修率趋势',
			'附录：指标定义',
			'附录：数据来源（导入批次）'
		]);
		const kpis = book.getWorksheet('指标表')!;
		expect(kpis.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(kpis.getCell('B2').value).toBe(1.5);
		expect(kpis.getCell('B2').numFmt).toBe('0.00"‰"');
		expect(kpis.getCell('C2').numFmt).toBe('0.0%');
		expect(kpis.getCell('A3').value).toBe(`'=HYPERLINK("http://evil")`);
		expect(book.getWorksheet('摘要')!.getCell('B2').value).toBe('RPT-000042');
	});
});

describe('report PDF', () => {
	const dir = mkdtempSync(join(tmpdir(), 'report-pdf-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('prints A4 with the report id, page x of y, Chinese text and embedded CJK fonts', async () => {
		const pdf = await printPdf(renderHtml(sampleDoc('zh-CN')), 'RPT-000042', 'zh-CN');
		const file = join(dir, 'r.pdf');
		writeFileSync(file, pdf);
		const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
		expect(text).toContain('月度管理评审报告');
		expect(text).toContain('RPT-000042');
		expect(text).toMatch(/第 1 页，共 \d+ 页/);
		expect(text).toContain('附录：数据来源（导入批次）');
		expect(text).toContain('abababab');
		// Chromium embeds the CFF outlines of Noto Sans CJK as Type 3 fonts: unnamed, but every one is
		// embedded and carries a ToUnicode map (the Chinese text above was extracted through it).
		const fonts = execFileSync('pdffonts', [file])
			.toString()
			.split('\n')
			.slice(2)
			.filter((l) => l.trim());
		expect(fonts.length).toBeGreaterThan(0);
		for (const line of fonts) expect(line).toMatch(/\s+yes\s+(yes|no)\s+yes\s+\d+\s+\d+\s*$/);
		const info = execFileSync('pdfinfo', [file]).toString();
		expect(info).toMatch(/Page size:\s+[\d.]+ x [\d.]+ pts \(A4\)/);
	}, 60_000);
});
