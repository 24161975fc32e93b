/** Byte-level forms of export files: CSV quoting, encodings with and without BOM, reproducible XLSX. */
import iconv from 'iconv-lite';

export type Cell = string | number | null | undefined;

function quote(value: Cell, sep: string): string {
	const s = value === null || value === undefined ? '' : String(value);
	return s.includes(sep) || s.includes('"') || s.includes('\n') || s.includes('\r')
		? `"${s.replaceAll('"', '""')}"`
		: s;
}

export function csvText(rows: Cell[][], sep = ',', eol = '\r\n'): string {
	return rows.map((r) => r.map((c) => quote(c, sep)).join(sep) + eol).join('');
}

/** GBK as Windows tools write it; refuses text GBK cannot hold (e.g. ¥ U+00A5 — use ￥ U+FFE5). */
export function gbk(text: string): Buffer {
	const bytes = iconv.encode(text, 'gbk');
	if (iconv.decode(bytes, 'gbk') !== text) throw new Error('text has characters outside GBK');
	return bytes;
}

export const utf8Bom = (text: string) =>
	Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);

export const utf16leBom = (text: string) =>
	Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

/** 1234.5 → "1,234.50" */
export function thousands(x: number): string {
	const [int, frac] = x.toFixed(2).split('.');
	return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

/**
 * The zip writer stamps every entry with the current time; overwrite the DOS time and date of each
 * entry (central directory and local header) so the same workbook gives the same bytes.
 */
export function fixZipTimestamps(zip: Buffer, y: number, m: number, d: number): Buffer {
	const out = Buffer.from(zip);
	const dosDate = ((y - 1980) << 9) | (m << 5) | d;
	let eocd = out.length - 22;
	while (eocd >= 0 && out.readUInt32LE(eocd) !== 0x06054b50) eocd--;
	if (eocd < 0) throw new Error('not a zip file');
	const entries = out.readUInt16LE(eocd + 10);
	let p = out.readUInt32LE(eocd + 16);
	for (let i = 0; i < entries; i++) {
		if (out.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
		out.writeUInt16LE(0, p + 12);
		out.writeUInt16LE(dosDate, p + 14);
		const local = out.readUInt32LE(p + 42);
		if (out.readUInt32LE(local) !== 0x04034b50) throw new Error('bad local header');
		out.writeUInt16LE(0, local + 10);
		out.writeUInt16LE(dosDate, local + 12);
		p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
	}
	return out;
}
