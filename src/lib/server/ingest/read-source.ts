import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import iconv from 'iconv-lite';
import { RecordScanner } from './csv-scan';
import { needsTranscoding, type Encoding } from './sniff';

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

async function write(out: WriteStream, data: Buffer): Promise<void> {
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
		transcodeTo: string;
		scan: ScanSpec | null;
		onBytes?: (bytesRead: number) => void;
	}
): Promise<SourcePass> {
	const hash = createHash('sha256');
	const transcode = needsTranscoding(options.encoding);
	const decoder = transcode ? streamDecoder(options.encoding) : null;
	const out = transcode ? createWriteStream(options.transcodeTo) : null;
	const scanner = options.scan
		? new RecordScanner(options.scan.delimiter.charCodeAt(0), options.scan.fields, options.scan.skipLines)
		: null;
	let size = 0;
	try {
		for await (const chunk of createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
			hash.update(chunk);
			size += chunk.length;
			if (decoder && out) {
				const utf8 = Buffer.from(decoder.write(chunk), 'utf8');
				scanner?.push(utf8);
				await write(out, utf8);
			} else scanner?.push(chunk);
			options.onBytes?.(size);
		}
		if (decoder && out) {
			const rest = decoder.end();
			if (rest) {
				const utf8 = Buffer.from(rest, 'utf8');
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

/** The platform's TextDecoder (ICU; several times faster than iconv-lite on GB18030), else iconv-lite. */
function streamDecoder(encoding: string): { write: (chunk: Buffer) => string; end: () => string } {
	try {
		const decoder = new TextDecoder(encoding);
		return { write: (chunk) => decoder.decode(chunk, { stream: true }), end: () => decoder.decode() };
	} catch {
		const decoder = iconv.getDecoder(encoding);
		return { write: (chunk) => decoder.write(chunk), end: () => decoder.end() ?? '' };
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
