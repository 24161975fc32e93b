import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { ImportError } from './errors';

export type FileType = 'csv' | 'xlsx';

/** Encodings we name in lineage; anything else iconv-lite knows may be forced with --encoding. */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | string;

export const SNIFF_BYTES = 256 * 1024;

export async function readHead(path: string, bytes = SNIFF_BYTES, position = 0): Promise<Buffer> {
	const handle = await open(path, 'r');
	try {
		const buffer = Buffer.alloc(bytes);
		const { bytesRead } = await handle.read(buffer, 0, bytes, position);
		return buffer.subarray(0, bytesRead);
	} finally {
		await handle.close();
	}
}

const ZIP_MAGIC = 0x04034b50;
/** OLE compound file: what a password-protected .xlsx (and a legacy .xls) really is. */
const CFB_MAGIC = 0xe011cfd0;

/** Zips and compound files go to the workbook reader, which names what is wrong with them. */
export function detectFileType(head: Buffer): FileType {
	if (head.length < 4) return 'csv';
	const magic = head.readUInt32LE(0);
	return magic === ZIP_MAGIC || magic === CFB_MAGIC ? 'xlsx' : 'csv';
}

/** The head may end inside a multi-byte character; trim at most 3 trailing bytes before judging. */
function isUtf8(head: Buffer, truncated: boolean): boolean {
	const decoder = new TextDecoder('utf-8', { fatal: true });
	for (let cut = 0; cut <= (truncated ? 3 : 0); cut++) {
		try {
			decoder.decode(head.subarray(0, head.length - cut));
			return true;
		} catch {
			/* try a shorter slice */
		}
	}
	return false;
}

/**
 * Text that is UTF-8 but for a few damaged bytes: decoding it as anything else would garble every
 * Chinese cell to save a few, so it is read as UTF-8 and the damaged rows are rejected instead.
 * GBK read as UTF-8 is nearly all replacement characters, far above this share.
 */
const MAX_INVALID_UTF8_SHARE = 0.1;

function mostlyUtf8(head: Buffer): boolean {
	const text = new TextDecoder('utf-8').decode(head);
	let nonAscii = 0;
	let invalid = 0;
	for (const ch of text) {
		if (ch.charCodeAt(0) < 0x80) continue;
		nonAscii++;
		if (ch === '\ufffd') invalid++;
	}
	return invalid < nonAscii - invalid && invalid <= nonAscii * MAX_INVALID_UTF8_SHARE;
}

/**
 * UTF-16 without a BOM: mostly-ASCII text (digits, dates, codes, delimiters) puts a zero in every
 * other byte, which neither UTF-8 nor GBK text ever has.
 */
function utf16WithoutBom(head: Buffer): 'utf-16le' | 'utf-16be' | null {
	const pairs = Math.floor(Math.min(head.length, 64 * 1024) / 2);
	if (pairs < 4) return null;
	let evenZero = 0;
	let oddZero = 0;
	for (let i = 0; i < pairs; i++) {
		if (head[2 * i] === 0) evenZero++;
		if (head[2 * i + 1] === 0) oddZero++;
	}
	if (oddZero > pairs * 0.3 && evenZero < pairs * 0.02) return 'utf-16le';
	if (evenZero > pairs * 0.3 && oddZero < pairs * 0.02) return 'utf-16be';
	return null;
}

/**
 * BOM first; then UTF-16 by its zero bytes; then (mostly) valid UTF-8; else the statistical guess.
 * Chinese single-byte-looking guesses are read as GB18030, the superset of GBK and GB2312 that
 * Chinese Excel and ERP exports use.
 */
export function detectEncoding(head: Buffer, truncated: boolean): Encoding {
	if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
	if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
	if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
	const utf16 = utf16WithoutBom(head);
	if (utf16) return utf16;
	if (isUtf8(head, truncated) || mostlyUtf8(head)) return 'utf-8';
	const guess = (chardet.detect(head) ?? '').toLowerCase();
	if (guess === 'big5') return 'big5';
	if (guess.startsWith('shift_jis')) return 'shift_jis';
	return 'gb18030';
}

/** How far past the head to look for the first non-ASCII text of an ASCII-headed file. */
const LATE_SAMPLE_BYTES = 64 * 1024;

/**
 * The stretch of the file (from the start of its line) where the first byte above 0x7F sits, at or
 * after `from`; null when the rest is ASCII. An export with English headers and Chinese names only
 * from row 5,000 on would otherwise be judged by its ASCII head alone.
 */
export async function lateNonAscii(path: string, from: number): Promise<Buffer | null> {
	let position = from;
	for await (const chunk of createReadStream(path, {
		start: from,
		highWaterMark: 1 << 20
	}) as AsyncIterable<Buffer>) {
		const at = chunk.findIndex((b) => b >= 0x80);
		if (at >= 0) {
			const lineStart = chunk.lastIndexOf(0x0a, at) + 1;
			return readHead(path, LATE_SAMPLE_BYTES, position + lineStart);
		}
		position += chunk.length;
	}
	return null;
}

export function normaliseEncodingName(name: string): Encoding {
	const n = name.toLowerCase().replace(/_/g, '-');
	if (n === 'utf8' || n === 'utf-8') return 'utf-8';
	if (n === 'utf8-bom' || n === 'utf-8-bom' || n === 'utf-8-sig') return 'utf-8-bom';
	if (n === 'gbk' || n === 'gb2312' || n === 'cp936' || n === 'gb18030') return 'gb18030';
	if (n === 'utf16le' || n === 'utf-16le' || n === 'utf-16') return 'utf-16le';
	if (n === 'utf16be' || n === 'utf-16be') return 'utf-16be';
	if (!iconv.encodingExists(n)) {
		throw new ImportError('unreadable', 'ingest.unknownEncoding', { name }, { encoding: name });
	}
	return n;
}

/** UTF-8 with or without BOM can go to DuckDB as it is; anything else is transcoded first. */
export function needsTranscoding(encoding: Encoding): boolean {
	return encoding !== 'utf-8' && encoding !== 'utf-8-bom';
}

export function decodeHead(head: Buffer, encoding: Encoding): string {
	const text = iconv.decode(head, encoding === 'utf-8-bom' ? 'utf-8' : encoding);
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const DELIMITERS = [',', '\t', ';', '|'];

/**
 * The delimiter that splits the most lines into the same number (>1) of fields. Title rows above the
 * header have fewer fields, so consistency over the sampled lines decides rather than the first line.
 */
export function detectDelimiter(lines: string[]): string {
	let best = ',';
	let bestScore = 0;
	for (const delimiter of DELIMITERS) {
		const counts = new Map<number, number>();
		for (const line of lines) {
			const n = countFields(line, delimiter);
			if (n > 1) counts.set(n, (counts.get(n) ?? 0) + 1);
		}
		for (const [fields, lineCount] of counts) {
			const score = lineCount * 1000 + fields;
			if (score > bestScore) {
				bestScore = score;
				best = delimiter;
			}
		}
	}
	return best;
}

function countFields(line: string, delimiter: string): number {
	let n = 1;
	let quoted = false;
	for (const ch of line) {
		if (ch === '"') quoted = !quoted;
		else if (ch === delimiter && !quoted) n++;
	}
	return n;
}

/** Formats people save under a .csv name by mistake, by their first bytes. */
const SIGNATURES: [string, number[]][] = [
	['PNG', [0x89, 0x50, 0x4e, 0x47]],
	['PDF', [0x25, 0x50, 0x44, 0x46]],
	['JPEG', [0xff, 0xd8, 0xff]],
	['GIF', [0x47, 0x49, 0x46, 0x38]],
	['gzip', [0x1f, 0x8b]],
	['7z', [0x37, 0x7a, 0xbc, 0xaf]],
	['RAR', [0x52, 0x61, 0x72, 0x21]]
];

/** The binary format the head starts with, if it is one of the known ones. */
export function binaryFormat(head: Buffer): string | null {
	for (const [name, magic] of SIGNATURES) {
		if (magic.every((byte, i) => head[i] === byte)) return name;
	}
	return null;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g;
/** Above this share of control characters the text is binary data, not a table with a stray one. */
const MAX_CONTROL_SHARE = 0.001;

/**
 * Where decoded text stops being text: the first NUL, or the first control character when there
 * are many. Returns the 1-based line and the character's code, or null for text.
 */
export function binaryAt(text: string): { line: number; code: number } | null {
	const controls = text.match(CONTROL)?.length ?? 0;
	const nul = text.indexOf('\u0000');
	let at = nul;
	if (at < 0 && controls > Math.max(1, text.length * MAX_CONTROL_SHARE)) at = text.search(CONTROL);
	if (at < 0) return null;
	let line = 1;
	for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
	return { line, code: text.charCodeAt(at) };
}
