import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportError } from './errors';
import { cellText, columnLetter, xlsxToCsv } from './xlsx';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The header is the first row with at least two non-empty cells. */
const firstTableRow = (rows: string[][]) =>
	rows.findIndex((r) => r.filter((c) => c.trim() !== '').length >= 2);

let fileNo = 0;
async function workbook(fill: (wb: ExcelJS.Workbook) => void): Promise<string> {
	const wb = new ExcelJS.Workbook();
	fill(wb);
	const file = path.join(dir, `book${++fileNo}.xlsx`);
	await wb.xlsx.writeFile(file);
	return file;
}

async function convert(file: string, options: Partial<Parameters<typeof xlsxToCsv>[2]> = {}) {
	const csvPath = path.join(dir, `out${++fileNo}.csv`);
	const result = await xlsxToCsv(file, csvPath, { findHeader: firstTableRow, ...options });
	return { result, csv: fs.readFileSync(csvPath, 'utf8') };
}

const utc = (y: number, m: number, d: number, h = 0, min = 0, s = 0) =>
	new Date(Date.UTC(y, m - 1, d, h, min, s));

describe('cellText', () => {
	it('converts plain values without locale formatting', () => {
		expect(cellText('  维修 ')).toBe('  维修 ');
		expect(cellText(1234.5)).toBe('1234.5');
		expect(cellText(0.1 + 0.2)).toBe('0.30000000000000004');
		expect(cellText(-0)).toBe('0');
		expect(cellText(Number.NaN)).toBe('');
		expect(cellText(true)).toBe('true');
		expect(cellText(false)).toBe('false');
		expect(cellText(null)).toBe('');
		expect(cellText(undefined)).toBe('');
	});

	it('writes dates as wall-clock text from the UTC fields', () => {
		expect(cellText(utc(2025, 6, 3, 14, 5))).toBe('2025-06-03 14:05:00');
		expect(cellText(utc(2025, 6, 3))).toBe('2025-06-03');
		// 14:05 stored as a day fraction comes back a millisecond short
		expect(cellText(new Date(utc(2025, 6, 3, 14, 5).getTime() - 1))).toBe('2025-06-03 14:05:00');
		// time-only cells sit on Excel's day 0
		expect(cellText(utc(1899, 12, 30, 8, 30))).toBe('08:30:00');
		expect(cellText(new Date(Number.NaN))).toBe('');
	});

	it('unwraps rich text, hyperlinks, formulas and errors', () => {
		expect(cellText({ richText: [{ text: '屏幕' }, { text: '不亮', font: { bold: true } }] })).toBe(
			'屏幕不亮'
		);
		expect(cellText({ text: '工单', hyperlink: 'https://example.com' })).toBe('工单');
		const richLink = { text: { richText: [{ text: 'a' }, { text: 'b' }] }, hyperlink: 'x' };
		expect(cellText(richLink as unknown as ExcelJS.CellValue)).toBe('ab');
		expect(cellText({ formula: 'A1*2', result: 3 })).toBe('3');
		expect(cellText({ formula: 'A1&"x"', result: 'ax' })).toBe('ax');
		expect(cellText({ formula: 'TODAY()', result: utc(2025, 1, 2) })).toBe('2025-01-02');
		expect(cellText({ formula: '1/0', result: { error: '#DIV/0!' } })).toBe('');
		expect(cellText({ formula: '1/0', result: Number.NaN })).toBe('');
		expect(cellText({ formula: 'A1' })).toBe('');
		expect(cellText({ sharedFormula: 'B2', result: 4 })).toBe('4');
		expect(cellText({ error: '#N/A' })).toBe('');
	});

	it('names columns like Excel', () => {
		expect([1, 26, 27, 52, 703, 16384].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA', 'XFD']);
	});
});

describe('xlsxToCsv', () => {
	it('finds a header under a merged title and writes every kind of cell', async () => {
		const file = await workbook((wb) => {
			const ws = wb.addWorksheet('报修');
			ws.mergeCells('A1:E1');
			ws.getCell('A1').value = '2025年6月 维修记录';
			ws.getRow(3).values = ['维修单号', ' 报修时间 ', '完工日期', '金额', '', '两倍金额'];
			ws.getRow(4).values = [
				'R001',
				utc(2025, 6, 3, 14, 5),
				utc(2025, 6, 4),
				12.5,
				null,
				{ formula: 'D4*2', result: 25 }
			];
			ws.getRow(5).values = [
				{ richText: [{ text: 'R0' }, { text: '02' }] },
				45811.5,
				45812,
				'1,234.50',
				null,
				{ formula: 'C5+1', result: 45813 }
			];
			ws.getCell('B5').numFmt = 'yyyy/m/d h:mm';
			ws.getCell('C5').numFmt = 'yyyy"年"m"月"d"日"';
			ws.getCell('F5').numFmt = 'yyyy-mm-dd';
			// row 6 missing entirely
			ws.getRow(7).values = ['R003, "加急"', 'line1\nline2', true, 0, 'x'];
			ws.getCell('A8').style = { font: { bold: true } }; // present but blank
			ws.getCell('A9').value = 'R004';
		});
		const seen: string[][][] = [];
		const { result, csv } = await convert(file, {
			findHeader: (rows) => {
				seen.push(rows);
				return firstTableRow(rows);
			}
		});
		expect(seen).toHaveLength(1);
		expect(seen[0].slice(0, 3)).toEqual([
			['2025年6月 维修记录'],
			[],
			['维修单号', ' 报修时间 ', '完工日期', '金额', '', '两倍金额']
		]);
		expect(result).toMatchObject({
			sheet: '报修',
			sheets: ['报修'],
			headerLine: 3,
			headers: ['维修单号', '报修时间', '完工日期', '金额', '', '两倍金额'],
			columns: 6,
			rows: 5,
			preview: []
		});
		expect(csv).toBe(
			[
				'4,R001,2025-06-03 14:05:00,2025-06-04,12.5,,25',
				'5,R002,2025-06-03 12:00:00,2025-06-04,"1,234.50",,2025-06-05',
				'7,"R003, ""加急""","line1\nline2",true,0,x,',
				'8,,,,,,',
				'9,R004,,,,,',
				''
			].join('\n')
		);
	});

	it('reads a second sheet chosen by name and lists the sheets in workbook order', async () => {
		const file = await workbook((wb) => {
			wb.addWorksheet('维修').addRows([
				['单号', '型号'],
				['R1', 'M1']
			]);
			wb.addWorksheet('退货').addRows([
				['退货单号', '原因'],
				['T1', '质量'],
				['T2', '尺码']
			]);
		});
		const { result, csv } = await convert(file, { sheet: '退货' });
		expect(result).toMatchObject({
			sheet: '退货',
			sheets: ['维修', '退货'],
			headerLine: 1,
			headers: ['退货单号', '原因'],
			rows: 2
		});
		expect(csv).toBe('2,T1,质量\n3,T2,尺码\n');
	});

	it('defaults to the first visible sheet', async () => {
		const file = await workbook((wb) => {
			wb.addWorksheet('lookup', { state: 'hidden' }).addRows([
				['k', 'v'],
				['a', 'b']
			]);
			wb.addWorksheet('data').addRows([
				['id', 'n'],
				['1', '2']
			]);
		});
		const { result, csv } = await convert(file);
		expect(result.sheet).toBe('data');
		expect(csv).toBe('2,1,2\n');
	});

	it('names the sheets found when the one asked for is missing', async () => {
		const file = await workbook((wb) => {
			wb.addWorksheet('维修').addRow(['a', 'b']);
			wb.addWorksheet('Returns').addRow(['a', 'b']);
		});
		const error = await convert(file, { sheet: '投诉' }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ImportError);
		expect(error).toMatchObject({
			code: 'unreadable',
			details: { sheet: '投诉', sheets: ['维修', 'Returns'] }
		});
		expect((error as Error).message).toContain('"投诉"');
		expect((error as Error).message).toContain('维修, Returns');
	});

	it('refuses a value right of the header instead of dropping it', async () => {
		const file = await workbook((wb) => {
			const ws = wb.addWorksheet('s');
			ws.addRows([
				['id', 'name'],
				['1', 'a', ' '],
				['2', 'b', '', '', '', 'stray']
			]);
		});
		const error = await convert(file).catch((e: unknown) => e);
		expect(error).toMatchObject({ code: 'unreadable', details: { sheet: 's', row: 3, column: 'F' } });
		expect((error as Error).message).toContain('column F');
	});

	it('stops after previewRows and returns them', async () => {
		const file = await workbook((wb) => {
			const ws = wb.addWorksheet('s');
			ws.addRow(['标题']);
			ws.addRow(['id', 'v']);
			for (let i = 1; i <= 50; i++) ws.addRow([`R${i}`, i]);
		});
		const { result, csv } = await convert(file, { previewRows: 3 });
		expect(result).toMatchObject({
			headerLine: 2,
			rows: 3,
			preview: [
				['R1', '1'],
				['R2', '2'],
				['R3', '3']
			]
		});
		expect(csv).toBe('3,R1,1\n4,R2,2\n5,R3,3\n');
		const none = await convert(file, { previewRows: 0 });
		expect(none.result).toMatchObject({ headerLine: 2, headers: ['id', 'v'], rows: 0, preview: [] });
		expect(none.csv).toBe('');
	});

	it('keeps Chinese text intact across chunk boundaries and reports progress', async () => {
		const n = 6000;
		const text = (i: number) => `维修单号${i}：屏幕不亮，更换主板后复测正常「华东区」`;
		const file = await workbook((wb) => {
			const ws = wb.addWorksheet('大表');
			ws.addRow(['单号', '描述']);
			for (let i = 0; i < n; i++) ws.addRow([`R${i}`, text(i)]);
		});
		const progress: number[] = [];
		const { result, csv } = await convert(file, { onProgress: (rows) => progress.push(rows) });
		expect(result.rows).toBe(n);
		expect(progress).toEqual([5000, n + 1]);
		expect(csv).not.toContain('\uFFFD');
		const lines = csv.split('\n');
		expect(lines[0]).toBe(`2,R0,${text(0)}`);
		expect(lines.every((line, i) => i === n || line === `${i + 2},R${i},${text(i)}`)).toBe(true);
	});

	it('rejects corrupt sheet data instead of hanging', { timeout: 10_000 }, async () => {
		const file = await workbook((wb) =>
			wb.addWorksheet('s').addRows([
				['id', 'v'],
				['1', '2']
			])
		);
		const bytes = fs.readFileSync(file);
		const name = Buffer.from('xl/worksheets/sheet1.xml');
		const local = bytes.indexOf(name) - 30; // the first occurrence is the local file header
		expect(bytes.readUInt32LE(local)).toBe(0x04034b50);
		const data = local + 30 + name.length + bytes.readUInt16LE(local + 28);
		bytes[data] = 0x07; // final block of the reserved type 3: "invalid block type"
		fs.writeFileSync(file, bytes);
		await expect(convert(file)).rejects.toMatchObject({ code: 'unreadable' });
	});

	it('rejects an empty sheet and a file that is not a zip', async () => {
		const empty = await workbook((wb) => void wb.addWorksheet('空'));
		await expect(convert(empty)).rejects.toMatchObject({ code: 'empty' });
		const notZip = path.join(dir, 'fake.xlsx');
		fs.writeFileSync(notZip, '维修单号,型号\nR1,M1\n');
		await expect(convert(notZip)).rejects.toMatchObject({ code: 'unreadable' });
	});
});
