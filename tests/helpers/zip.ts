import fs from 'node:fs';
import zlib from 'node:zlib';

/** One part of a hand-made zip. */
export interface FakeEntry {
	name: string;
	/** The part's bytes (deflated here), or its deflated bytes and real size when made elsewhere. */
	data?: Buffer;
	deflated?: { bytes: Buffer; size: number };
	/** A forged uncompressed size for both headers (a lying directory). */
	declaredSize?: number;
	/** Write 0xFFFFFFFF sizes in the directory and the real ones in a zip64 extra field. */
	zip64?: { uncompressed: bigint; compressed: bigint };
}

/**
 * A raw deflate stream of `head`, `repeat` copies of `block` and `tail`, made without inflating it:
 * each piece is deflated on its own with a sync flush, and deflate streams of whole blocks join.
 * 1 GiB of text this way takes a few KiB of work.
 */
export function deflateRepeated(head: string, block: Buffer, repeat: number, tail: string) {
	const part = (data: Buffer) => zlib.deflateRawSync(data, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
	const middle = part(block);
	const bytes = Buffer.concat([
		part(Buffer.from(head)),
		...Array.from({ length: repeat }, () => middle),
		zlib.deflateRawSync(Buffer.from(tail))
	]);
	return { bytes, size: Buffer.byteLength(head) + block.length * repeat + Buffer.byteLength(tail) };
}

/** A minimal deflate zip (no data descriptors), with `prefix` before it as a self-extractor has. */
export function writeZip(file: string, entries: FakeEntry[], prefix = Buffer.alloc(0)): void {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = prefix.length;
	for (const entry of entries) {
		const name = Buffer.from(entry.name);
		const data = entry.data ?? Buffer.alloc(0);
		const compressed = entry.deflated?.bytes ?? zlib.deflateRawSync(data);
		const size = entry.declaredSize ?? entry.deflated?.size ?? data.length;
		const crc = entry.deflated ? 0 : zlib.crc32(data);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(8, 8);
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(compressed.length, 18);
		local.writeUInt32LE(size, 22);
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
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(entry.zip64 ? 0xffffffff : compressed.length, 20);
		central.writeUInt32LE(entry.zip64 ? 0xffffffff : size, 24);
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

const WORKBOOK_XML =
	'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WORKBOOK_RELS =
	'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
const SHEET_HEAD =
	'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';

/**
 * A small .xlsx whose one sheet inflates to `inflated` bytes of blank space while its directory
 * declares a few KiB: the forged zip bomb no declared-size check can see.
 */
export function writeForgedBomb(file: string, inflated: number): void {
	const block = Buffer.alloc(1024 * 1024, 0x20);
	const sheet = deflateRepeated(
		SHEET_HEAD,
		block,
		Math.ceil(inflated / block.length),
		'</sheetData></worksheet>'
	);
	writeZip(file, [
		{ name: 'xl/workbook.xml', data: Buffer.from(WORKBOOK_XML) },
		{ name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(WORKBOOK_RELS) },
		{ name: 'xl/worksheets/sheet1.xml', deflated: sheet, declaredSize: 4096 }
	]);
}
