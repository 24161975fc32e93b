import Papa from 'papaparse';
import type { Kind } from '$lib/domain/records';
import { HEADER_SEARCH_ROWS, pickHeaderRow, uniqueHeaders } from '$lib/domain/ingest/header-mapping';

/** How much of a text file the browser reads for the preview. */
export const PREVIEW_BYTES = 256 * 1024;
/** Data rows shown under the header. */
export const PREVIEW_ROWS = 20;
/** Rows parsed from the head of the file: enough for the scan plus the preview. */
const PARSE_ROWS = HEADER_SEARCH_ROWS + PREVIEW_ROWS + 10;

export const TEXT_ENCODINGS = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be'] as const;

export type SourceType = 'text' | 'xlsx';

/** From the name and first bytes: a zip (PK\x03\x04) is an XLSX whatever its extension says. */
export function sourceType(name: string, head: Uint8Array): SourceType | null {
	if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
	const ext = name.toLowerCase().split('.').pop() ?? '';
	if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
	if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'text';
	return null;
}

/**
 * Decodes the head of a text file: a BOM decides (utf-8 / utf-16le / utf-16be); otherwise strict
 * UTF-8, falling back to GB18030 (a superset of GBK) when the bytes are not valid UTF-8.
 * `stream: true` keeps a multi-byte character cut at the end of the slice from counting as invalid.
 */
export function decodeHead(bytes: Uint8Array, encoding?: string): { text: string; encoding: string } {
	if (encoding) return { text: new TextDecoder(encoding).decode(bytes, { stream: true }), encoding };
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
		return { text: new TextDecoder('utf-8').decode(bytes, { stream: true }), encoding: 'utf-8' };
	if (bytes[0] === 0xff && bytes[1] === 0xfe)
		return { text: new TextDecoder('utf-16le').decode(bytes, { stream: true }), encoding: 'utf-16le' };
	if (bytes[0] === 0xfe && bytes[1] === 0xff)
		return { text: new TextDecoder('utf-16be').decode(bytes, { stream: true }), encoding: 'utf-16be' };
	try {
		return {
			text: new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true }),
			encoding: 'utf-8'
		};
	} catch {
		return { text: new TextDecoder('gb18030').decode(bytes, { stream: true }), encoding: 'gb18030' };
	}
}

export interface ParsedHead {
	delimiter: string;
	/** The first rows of the file, title rows included, cells as text. */
	rows: string[][];
}

/**
 * Parses the decoded head with papaparse. When the slice was cut short (`truncated`), the last row
 * may be incomplete and is dropped.
 */
export function parseHead(text: string, options: { truncated: boolean; delimiter?: string }): ParsedHead {
	const result = Papa.parse<string[]>(text, {
		delimiter: options.delimiter ?? '',
		preview: PARSE_ROWS + 1,
		skipEmptyLines: false
	});
	let rows = result.data.map((row) => row.map((cell) => String(cell ?? '')));
	if (options.truncated && rows.length > PARSE_ROWS) rows = rows.slice(0, PARSE_ROWS);
	else if (options.truncated && rows.length > 1) rows = rows.slice(0, -1);
	return { delimiter: result.meta.delimiter, rows };
}

const isBlank = (row: string[]) => row.every((cell) => cell.trim() === '');

export interface HeadPreview {
	/** 0-based index of the header row among the parsed rows (= title rows above it); -1 without one. */
	headerIndex: number;
	headers: string[];
	rows: string[][];
}

/**
 * Header and first PREVIEW_ROWS data rows (blank rows skipped) for a kind. `columns` (from a
 * profile for files without a header row) names the columns and makes every row data.
 */
export function previewRows(kind: Kind, rows: string[][], columns?: string[]): HeadPreview {
	const headerIndex = columns ? -1 : pickHeaderRow(kind, rows);
	const headers = uniqueHeaders(columns ?? rows[headerIndex] ?? []);
	const data = rows
		.slice(headerIndex + 1)
		.filter((row) => !isBlank(row))
		.slice(0, PREVIEW_ROWS);
	return { headerIndex, headers, rows: data };
}
