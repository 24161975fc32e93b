import { basename } from 'node:path';
import { formatBytes } from '$lib/format';
import type { Kind } from '$lib/domain/records';
import { pickHeaderRow, uniqueHeaders } from '$lib/domain/ingest/header-mapping';
import { parseHeadRecords } from './csv-scan';
import {
	SNIFF_BYTES,
	decodeHead,
	detectDelimiter,
	detectEncoding,
	normaliseEncodingName,
	binaryAt,
	binaryFormat,
	lateNonAscii,
	readHead,
	type Encoding
} from './sniff';
import type { LineEnds } from './read-source';
import { MAX_COLUMNS } from './stage';
import { ImportError } from './errors';

export interface CsvLayout {
	encoding: Encoding;
	delimiter: string;
	/** 1-based line of the header record. */
	headerLine: number;
	/** Physical lines up to and including the header: DuckDB skips these. */
	skipLines: number;
	headers: string[];
	sample: string[][];
	/**
	 * 'cr': old Mac exports end lines with CR alone; 'mixed': CR LF and LF both (files pasted
	 * together). DuckDB reads neither, so both are read from a copy whose lines end in LF.
	 */
	lineEnds: LineEnds;
}

function lineEndsOf(text: string): LineEnds {
	if (!text.includes('\n')) return text.includes('\r') ? 'cr' : 'lf';
	return text.includes('\r\n') && /(^|[^\r])\n/.test(text) ? 'mixed' : 'lf';
}

/** Reads the head as text, refusing what is not text in a known encoding. */
async function headText(path: string, fileName: string, forcedEncoding?: string) {
	const head = await readHead(path);
	if (head.length === 0) throw new ImportError('empty', 'ingest.emptyFile', {}, {}, fileName);
	const format = binaryFormat(head);
	if (format) throw new ImportError('unreadable', 'ingest.binaryFormat', { format }, { format }, fileName);
	const truncated = head.length === SNIFF_BYTES;
	let encoding = forcedEncoding ? normaliseEncodingName(forcedEncoding) : detectEncoding(head, truncated);
	if (!forcedEncoding && truncated && encoding === 'utf-8' && head.every((b) => b < 0x80)) {
		const late = await lateNonAscii(path, head.length);
		if (late) encoding = detectEncoding(late, true);
	}
	let text = decodeHead(head, encoding);
	const binary = binaryAt(text);
	if (binary) {
		const code = `U+${binary.code.toString(16).toUpperCase().padStart(4, '0')}`;
		throw new ImportError('unreadable', 'ingest.binaryText', { line: binary.line, code }, binary, fileName);
	}
	const lineEnds = lineEndsOf(text);
	if (lineEnds === 'cr') text = text.replace(/\r/g, '\n');
	if (truncated) {
		const lastLineEnd = text.lastIndexOf('\n');
		if (lastLineEnd < 0) {
			const limit = formatBytes(SNIFF_BYTES);
			throw new ImportError('unreadable', 'ingest.firstLineTooLong', { limit }, {}, fileName);
		}
		text = text.slice(0, lastLineEnd + 1);
	}
	return { encoding, text, lineEnds };
}

function assertWidth(headers: string[], fileName: string): void {
	if (headers.length > MAX_COLUMNS) {
		throw new ImportError(
			'too_large',
			'ingest.tooManyColumns',
			{ columns: headers.length, max: MAX_COLUMNS },
			{ columns: headers.length, max: MAX_COLUMNS },
			fileName
		);
	}
}

export async function sniffCsv(
	path: string,
	kind: Kind,
	forcedEncoding?: string,
	columns?: string[],
	fileName = basename(path)
): Promise<CsvLayout> {
	const { encoding, text, lineEnds } = await headText(path, fileName, forcedEncoding);
	const delimiter = detectDelimiter(text.split('\n', 60));
	const records = parseHeadRecords(text, delimiter, 200);
	if (records.length === 0) throw new ImportError('empty', 'ingest.noRows', {}, {}, fileName);
	if (columns) {
		assertWidth(columns, fileName);
		return {
			encoding,
			lineEnds,
			delimiter,
			headerLine: 0,
			skipLines: 0,
			headers: uniqueHeaders(columns),
			sample: records.map((r) => r.cells)
		};
	}
	const headerIndex = pickHeaderRow(
		kind,
		records.map((r) => r.cells)
	);
	const header = records[headerIndex];
	assertWidth(header.cells, fileName);
	return {
		encoding,
		lineEnds,
		delimiter,
		headerLine: header.startLine,
		skipLines: header.endLine,
		headers: uniqueHeaders(header.cells),
		sample: records.slice(headerIndex + 1).map((r) => r.cells)
	};
}

/** A record of a small delimited file, with its 1-based first line. */
export interface TextRecord {
	cells: string[];
	line: number;
}

/**
 * Every record of a small delimited text file (a lookup sheet, not an export), decoded and split as
 * the importer's sniffing does. A file larger than the sniffing window is refused rather than read
 * in part.
 */
export async function readSmallCsv(path: string, fileName = basename(path)): Promise<TextRecord[]> {
	if ((await readHead(path, SNIFF_BYTES + 1)).length > SNIFF_BYTES) {
		const limit = formatBytes(SNIFF_BYTES);
		throw new ImportError('too_large', 'ingest.sheetTooLarge', { limit }, { limit }, fileName);
	}
	const { text } = await headText(path, fileName);
	const delimiter = detectDelimiter(text.split('\n', 60));
	return parseHeadRecords(text, delimiter, Number.MAX_SAFE_INTEGER).map((r) => ({
		cells: r.cells,
		line: r.startLine
	}));
}
