import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { assertZipSafe, readZipDirectory } from './zip-guard';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zip-guard-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface FakeEntry {
	name: string;
	data: Buffer;
	/** Write 0xFFFFFFFF sizes in the directory and the real ones in a zip64 extra field. */
	zip64?: { uncompressed: bigint; compressed: bigint };
}

/** A minimal deflate zip; the guard only reads its central directory. */
function writeZip(file: string, entries: FakeEntry[], prefix = Buffer.alloc(0)): void {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = prefix.length;
	for (const entry of entries) {
		const name = Buffer.from(entry.name);
		const compressed = zlib.deflateRawSync(entry.data);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(8, 8);
		local.writeUInt32LE(compressed.length, 18);
		local.writeUInt32LE(entry.data.length, 22);
		local.writeUInt16LE(name.length, 26);
		let extra = Buffer.alloc(0);
		if (entry.zip64) {
			extra = Buffer.alloc(20);
			extra.writeUInt16LE(0x0001, 0);
			extra.writeUInt16LE(16, 2);
			extra.writeBigUInt64LE(entry.zip64.uncompressed, 4);
			extra.writeBigUInt64LE(entry.zip64.compressed, 12);
		}
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(8, 10);
		central.writeUInt32LE(entry.zip64 ? 0xffffffff : compressed.length, 20);
		central.writeUInt32LE(entry.zip64 ? 0xffffffff : entry.data.length, 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt16LE(extra.length, 30);
		central.writeUInt32LE(offset, 42);
		locals.push(local, name, compressed);
		centrals.push(central, name, extra);
		offset += local.length + name.length + compressed.length;
	}
	const directory = Buffer.concat(centrals);
	const eocd = Buffer.alloc(22);
	eocd.writeUInt32LE(0x06054b50, 0);
	eocd.writeUInt16LE(entries.length, 8);
	eocd.writeUInt16LE(entries.length, 10);
	eocd.writeUInt32LE(directory.length, 12);
	eocd.writeUInt32LE(offset - prefix.length, 16); // as if the prefix were not there
	fs.writeFileSync(file, Buffer.concat([prefix, ...locals, directory, eocd]));
}

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
});
