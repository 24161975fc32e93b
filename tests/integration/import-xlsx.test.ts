import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importFile, listRejected } from '../../src/lib/server/ingest';
import { useTempDatabase } from '../helpers/temp-db';

const ctx = useTempDatabase({ each: true });

/** A complaint export as Excel users make it: merged title, header on row 3, real dates, a formula. */
async function complaintWorkbook(path: string, sheetName = '投诉明细'): Promise<void> {
	const wb = new ExcelJS.Workbook();
	wb.addWorksheet('说明').getCell('A1').value = '本文件由系统导出';
	const ws = wb.addWorksheet(sheetName);
	ws.mergeCells('A1:F1');
	ws.getCell('A1').value = '2025年6月 投诉明细';
	ws.getRow(3).values = ['投诉编号', '投诉时间', '首次响应时间', '解决时间', '补偿金额', '满意度'];
	ws.getRow(4).values = [
		'C1',
		new Date(Date.UTC(2025, 5, 3, 14, 5)),
		new Date(Date.UTC(2025, 5, 3, 15, 0)),
		'2025/6/4 9:00',
		{ formula: '100*2', result: 200 },
		5
	];
	ws.getRow(5).values = ['C2', 45811.5, null, null, '¥1,000', 4];
	ws.getRow(6).values = ['C3', '2025-06-03 10:00', '2025-06-03 09:00', null, 0, 3];
	ws.getRow(8).values = ['C4', '2025年6月5日', null, null, null, 6];
	ws.getRow(9).values = ['合计', null, null, null, { formula: 'SUM(E4:E8)', result: 1200 }, null];
	await wb.xlsx.writeFile(path);
}

describe('XLSX import', () => {
	it('finds the header under a merged title, reads date cells and formulas, reports sheet rows', async () => {
		const path = join(ctx.dir, 'complaints.xlsx');
		await complaintWorkbook(path);
		const result = await importFile(ctx.db, path, { kind: 'complaint', sheet: '投诉明细' });
		expect(result).toMatchObject({
			fileType: 'xlsx',
			sheet: '投诉明细',
			headerLine: 3,
			rows: 5,
			accepted: 2,
			rejected: 2,
			skipped: 1
		});
		const rows = await ctx.db.query(
			`SELECT complaint_id, CAST(received_at AS VARCHAR) AS received_at, CAST(first_response_at AS VARCHAR) AS first_response_at,
				compensation FROM complaints ORDER BY complaint_id`
		);
		expect(rows).toEqual([
			{
				complaint_id: 'C1',
				received_at: '2025-06-03 14:05:00',
				first_response_at: '2025-06-03 15:00:00',
				compensation: 200
			},
			{ complaint_id: 'C2', received_at: '2025-06-03 12:00:00', first_response_at: null, compensation: 1000 }
		]);
		const rejected = await listRejected(ctx.db, result.batchId);
		expect(rejected.rows.map((r) => [r.line, r.reason, r.field])).toEqual([
			[6, 'end_before_start', 'first_response_at'],
			[8, 'out_of_range', 'satisfaction']
		]);
	});

	it('refuses an unknown sheet, naming the sheets found', async () => {
		const path = join(ctx.dir, 'complaints.xlsx');
		await complaintWorkbook(path);
		await expect(importFile(ctx.db, path, { kind: 'complaint', sheet: 'Sheet9' })).rejects.toThrow(
			/Sheet9.*说明.*投诉明细/s
		);
	});

	it('rejects an impossible month in a sales period', async () => {
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('sales');
		ws.addRow(['月份', '产品型号', '销量']);
		ws.addRow(['2025年6月', 'M1', 10]);
		ws.addRow(['2025年13月', 'M1', 10]);
		ws.addRow(['2025-07', 'M1', -1]);
		const path = join(ctx.dir, 'sales.xlsx');
		await wb.xlsx.writeFile(path);
		const result = await importFile(ctx.db, path, { kind: 'sales' });
		expect(result).toMatchObject({ rows: 3, accepted: 1, rejected: 2 });
		const { rows } = await listRejected(ctx.db, result.batchId);
		expect(rows.map((r) => [r.line, r.reason])).toEqual([
			[3, 'invalid_month'],
			[4, 'negative']
		]);
	});
});
