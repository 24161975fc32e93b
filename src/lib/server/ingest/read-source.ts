import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import iconv from 'iconv-lite';
import { RecordScanner } from './csv-scan';
import { needsTranscoding, type Encoding } from './sniff';
import { MAX_RECORD_BYTES } from './stage';

/** What the record scanner needs to know about a CSV: its delimiter, width and header lines. */
export interface ScanSpec {
	delimiter: string;
	fields: number;
	skipLines: number;
}

export interface SourcePass {
	sha256: string;
	sizeBytes: number;
	/** The UTF-8 file DuckDB reads: the original, or the transcoded copy. */
	utf8Path: string;
	scanner: RecordScanner | null;
}

const CHUNK = 1 << 20;

async function write(out: WriteStream, data: Uint8Array): Promise<void> {
	if (!out.write(data)) await once(out, 'drain');
}

/**
 * One streaming pass over the file: hashes it, transcodes it to UTF-8 when needed, and (for CSV)
 * scans its records. Memory stays at one chunk whatever the file size.
 */
export async function readSource(
	path: string,
	options: {
		encoding: Encoding;
		/** Writes the UTF-8 copy with LF line ends (see CsvLayout.lineEnds). */
		lineEnds?: LineEnds;
		transcodeTo: string;
		scan: ScanSpec | null;
		onBytes?: (bytesRead: number) => void;
	}
): Promise<SourcePass> {
	const hash = createHash('sha256');
	const lineEnds = options.lineEnds ?? 'lf';
	const transcode = needsTranscoding(options.encoding) || lineEnds !== 'lf';
	const decoder = transcode ? streamDecoder(options.encoding, lineEnds) : null;
	const out = transcode ? createWriteStream(options.transcodeTo) : null;
	const scanner = options.scan
		? new RecordScanner(
				options.scan.delimiter.charCodeAt(0),
				options.scan.fields,
				options.scan.skipLines,
				MAX_RECORD_BYTES
			)
		: null;
	let size = 0;
	try {
		for await (const chunk of createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
			hash.update(chunk);
			size += chunk.length;
			if (decoder && out) {
				const utf8 = decoder.write(chunk);
				scanner?.push(utf8);
				await write(out, utf8);
			} else scanner?.push(chunk);
			options.onBytes?.(size);
		}
		if (decoder && out) {
			const utf8 = decoder.end();
			if (utf8.length) {
				scanner?.push(utf8);
				await write(out, utf8);
			}
		}
		scanner?.end();
	} finally {
		if (out) {
			out.end();
			await once(out, 'close');
		}
	}
	return {
		sha256: hash.digest('hex'),
		sizeBytes: size,
		utf8Path: transcode ? options.transcodeTo : path,
		scanner
	};
}

export type LineEnds = 'lf' | 'cr' | 'mixed';

const CR = 0x0d;
const LF = 0x0a;

/** UTF-8 chunks with LF line ends: CR becomes LF ('cr'), CR before LF is dropped ('mixed'). */
function lineEndFix(lineEnds: LineEnds): (bytes: Uint8Array) => Uint8Array {
	if (lineEnds === 'lf') return (bytes) => bytes;
	if (lineEnds === 'cr') return (bytes) => bytes.map((b) => (b === CR ? LF : b));
	let heldCr = false;
	return (bytes) => {
		const out = new Uint8Array(bytes.length + 1);
		let n = 0;
		if (heldCr && bytes.length > 0 && bytes[0] !== LF) out[n++] = CR;
		heldCr = false;
		for (let i = 0; i < bytes.length; i++) {
			const b = bytes[i];
			if (b !== CR) out[n++] = b;
			else if (i + 1 === bytes.length) heldCr = true;
			else if (bytes[i + 1] !== LF) out[n++] = b;
		}
		return out.subarray(0, n);
	};
}

interface StreamDecoder {
	write: (chunk: Buffer) => Uint8Array;
	end: () => Uint8Array;
}

/**
 * Chunks of the file as UTF-8. The platform's TextDecoder (ICU; several times faster than iconv-lite
 * on GB18030), else iconv-lite; a UTF-8 file is passed through as bytes, so that an invalid byte
 * reaches DuckDB and rejects its row rather than turning into U+FFFD unnoticed.
 */
function streamDecoder(encoding: string, lineEnds: LineEnds): StreamDecoder {
	const lf = lineEndFix(lineEnds);
	if (!needsTranscoding(encoding)) {
		let first = true;
		return {
			write: (chunk) => {
				const bytes = first && encoding === 'utf-8-bom' ? chunk.subarray(3) : chunk;
				first = false;
				return lf(bytes);
			},
			end: () => Buffer.alloc(0)
		};
	}
	const utf8 = (text: string) => lf(Buffer.from(text, 'utf8'));
	try {
		const decoder = new TextDecoder(encoding);
		return {
			write: (chunk) => utf8(decoder.decode(chunk, { stream: true })),
			end: () => utf8(decoder.decode())
		};
	} catch {
		const decoder = iconv.getDecoder(encoding);
		return { write: (chunk) => utf8(decoder.write(chunk)), end: () => utf8(decoder.end() ?? '') };
	}
}

/** Scans a UTF-8 CSV's records (a second pass, made only when rejected rows need line numbers). */
export async function scanRecords(utf8Path: string, scan: ScanSpec): Promise<RecordScanner> {
	const pass = await readSource(utf8Path, { encoding: 'utf-8', transcodeTo: '', scan });
	return pass.scanner as RecordScanner;
}

/** Hash only (XLSX goes through the workbook reader instead). */
export async function hashFile(path: string): Promise<{ sha256: string; sizeBytes: number }> {
	const pass = await readSource(path, { encoding: 'utf-8', transcodeTo: '', scan: null });
	return { sha256: pass.sha256, sizeBytes: pass.sizeBytes };
}
