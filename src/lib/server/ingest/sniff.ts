import { open } from 'node:fs/promises';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { ImportError } from './errors';

export type FileType = 'csv' | 'xlsx';

/** Encodings we name in lineage; anything else iconv-lite knows may be forced with --encoding. */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | string;

export const SNIFF_BYTES = 256 * 1024;

export async function readHead(path: string, bytes = SNIFF_BYTES): Promise<Buffer> {
	const handle = await open(path, 'r');
	try {
		const buffer = Buffer.alloc(bytes);
		const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
		return buffer.subarray(0, bytesRead);
	} finally {
		await handle.close();
	}
}

export function detectFileType(head: Buffer): FileType {
	return head.length >= 4 && head.readUInt32LE(0) === 0x04034b50 ? 'xlsx' : 'csv';
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
 * BOM first; then valid UTF-8; else the statistical guess. Chinese single-byte-looking guesses are
 * read as GB18030, the superset of GBK and GB2312 that Chinese Excel and ERP exports use.
 */
export function detectEncoding(head: Buffer, truncated: boolean): Encoding {
	if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
	if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
	if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
	if (isUtf8(head, truncated)) return 'utf-8';
	const guess = (chardet.detect(head) ?? '').toLowerCase();
	if (guess === 'big5') return 'big5';
	if (guess.startsWith('shift_jis')) return 'shift_jis';
	return 'gb18030';
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
