import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { MetricQuery } from '../../src/lib/domain/metrics/query';
import { recordsArrow } from '../../src/lib/server/metrics/records';
import { exportRecords } from '../../src/lib/server/metrics/records-export';
import { importDemoData } from '../helpers/demo-data';
import { useTempDatabase } from '../helpers/temp-db';

/** The records of repairs name their defect code from the dictionary, in the records and their exports. */
const ctx = useTempDatabase({ fill: importDemoData, timeout: 180_000 });

const download = (body: ReadableStream<Uint8Array>): Promise<ArrayBuffer> => new Response(body).arrayBuffer();

describe('defect names beside the codes', () => {
	const query: MetricQuery = { from: '2024-01-01', to: '2024-03-31', filters: {} };
	const names = async () =>
		new Map(
			(await ctx.db.query('SELECT code, name_zh, name_en FROM defect_codes')).map((r) => [
				String(r.code),
				{ zh: String(r.name_zh), en: r.name_en === null ? null : String(r.name_en) }
			])
		);

	it('the records carry the name of their code in the locale, and sort by the code', async () => {
		const dictionary = await names();
		expect(dictionary.size).toBeGreaterThan(3);
		for (const locale of ['zh-CN', 'en'] as const) {
			const rows = tableFromIPC(
				await recordsArrow(ctx.db, 'repairs', query, {
					limit: 300,
					offset: 0,
					locale,
					sort: { column: 'defect_code', dir: 'desc' }
				})
			)
				.toArray()
				.map((r) => r.toJSON() as Record<string, unknown>);
			const codes = rows.map((r) => r.defect_code as string | null).filter((c) => c !== null);
			expect(codes).toEqual([...codes].sort().reverse());
			const named = rows.filter((r) => dictionary.has(String(r.defect_code)));
			expect(named.length).toBeGreaterThan(0);
			for (const r of named) {
				const entry = dictionary.get(String(r.defect_code))!;
				expect(r.defect_name).toBe(locale === 'en' ? (entry.en ?? entry.zh) : entry.zh);
			}
		}
	});

	it('an export has the name as a column of its own right after the unchanged code', async () => {
		const dictionary = await names();
		const file = await exportRecords(ctx.db, 'repairs', query, {
			format: 'csv',
			locale: 'zh-CN',
			today: '2026-12-05',
			columns: ['repair_id', 'defect_code', 'symptom']
		});
		const text = Buffer.from(await download(file.body))
			.toString('utf8')
			.slice(1);
		const [header, ...data] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
		expect(header).toEqual(['维修单号', '故障代码', '故障名称', '故障现象']);
		expect(data.length).toBe(file.count);
		const named = data.filter(([, code]) => dictionary.has(code));
		expect(named.length).toBeGreaterThan(0);
		for (const [, code, name] of named) expect(name).toBe(dictionary.get(code)!.zh);

		const xlsx = await exportRecords(ctx.db, 'repairs', query, {
			format: 'xlsx',
			locale: 'en',
			today: '2026-12-05',
			columns: ['defect_code']
		});
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(await download(xlsx.body));
		expect(book.worksheets[0].getRow(1).values).toEqual([undefined, 'Defect code', 'Defect name']);
	});
});
