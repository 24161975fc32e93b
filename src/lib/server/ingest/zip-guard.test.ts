import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { writeForgedBomb, writeZip } from '../../../../tests/helpers/zip';
import { xlsxToCsv } from './xlsx';
import { assertZipSafe, readZipDirectory } from './zip-guard';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zip-guard-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('zip guard', () => {
	it('passes a normal workbook and lists its parts', async () => {
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('维修');
		for (let i = 0; i < 1000; i++) ws.addRow([`R${i}`, '屏幕不亮', i]);
		const file = path.join(dir, 'normal.xlsx');
		await wb.xlsx.writeFile(file);
		const entries = await assertZipSafe(file);
		const sheet = entries.find((e) => e.name === 'xl/worksheets/sheet1.xml');
		expect(sheet).toBeDefined();
		expect(sheet!.uncompressedSize).toBeGreaterThan(sheet!.compressedSize);
		expect(entries.map((e) => e.name)).toContain('xl/workbook.xml');
	});

	it('refuses an entry over 10 MB that expands more than 200:1', async () => {
		const file = path.join(dir, 'bomb.xlsx');
		writeZip(file, [
			{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
			{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(11 * 1024 * 1024, 0x20) }
		]);
		await expect(assertZipSafe(file)).rejects.toMatchObject({
			code: 'too_large',
			details: { entry: 'xl/worksheets/sheet1.xml' }
		});
		// the same ratio on a small entry is fine
		const small = path.join(dir, 'small.xlsx');
		writeZip(small, [{ name: 'a.xml', data: Buffer.alloc(1024 * 1024, 0x20) }]);
		await expect(assertZipSafe(small)).resolves.toHaveLength(1);
	});

	it('refuses when the total uncompressed size is over the limit', async () => {
		const file = path.join(dir, 'total.xlsx');
		writeZip(file, [
			{ name: 'a.xml', data: Buffer.alloc(600, 0x61) },
			{ name: 'b.xml', data: Buffer.alloc(600, 0x62) }
		]);
		const limits = { maxTotalUncompressed: 1000, maxRatio: 200, ratioMinSize: 10 * 1024 * 1024 };
		await expect(assertZipSafe(file, limits)).rejects.toMatchObject({
			code: 'too_large',
			details: { uncompressedBytes: 1200 }
		});
	});

	it('reads zip64 sizes and data before the zip', async () => {
		const file = path.join(dir, 'zip64.xlsx');
		const huge = { uncompressed: 5n * 1024n ** 3n, compressed: 100n * 1024n ** 2n };
		writeZip(
			file,
			[{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<x/>'), zip64: huge }],
			Buffer.from('MZ stub')
		);
		expect(await readZipDirectory(file)).toEqual([
			{ name: 'xl/worksheets/sheet1.xml', uncompressedSize: 5 * 1024 ** 3, compressedSize: 100 * 1024 ** 2 }
		]);
		await expect(assertZipSafe(file)).rejects.toMatchObject({ code: 'too_large' });
	});

	it('calls a file that is not a zip unreadable', async () => {
		const csv = path.join(dir, 'not.xlsx');
		fs.writeFileSync(csv, 'id,name\n1,a\n');
		await expect(assertZipSafe(csv)).rejects.toMatchObject({ code: 'unreadable' });
		const ole = path.join(dir, 'old.xls');
		fs.writeFileSync(
			ole,
			Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)])
		);
		await expect(assertZipSafe(ole)).rejects.toThrow(/legacy \.xls/);
		const empty = path.join(dir, 'empty.xlsx');
		fs.writeFileSync(empty, '');
		await expect(assertZipSafe(empty)).rejects.toMatchObject({ code: 'unreadable' });
	});

	it('stops a forged directory by the bytes actually inflated, eight at once', async () => {
		const file = path.join(dir, 'forged.xlsx');
		writeForgedBomb(file, 1024 ** 3);
		expect(fs.statSync(file).size).toBeLessThan(2 * 1024 * 1024);
		await expect(assertZipSafe(file)).resolves.toHaveLength(3);
		const before = process.memoryUsage().rss;
		const reads = Array.from({ length: 8 }, (_, i) =>
			xlsxToCsv(file, path.join(dir, `forged-${i}.csv`), { findHeader: () => 0 })
		);
		const results = await Promise.allSettled(reads);
		for (const result of results) {
			expect(result).toMatchObject({
				status: 'rejected',
				reason: { code: 'too_large', key: 'ingest.inflateRatio' }
			});
		}
		expect(process.memoryUsage().rss - before).toBeLessThan(1024 ** 3);
	});
});
