import type { Kind } from '$lib/fields';
import { headerScore } from '$lib/header-mapping';
import { parseHeadRecords } from './csv-scan';
import {
	SNIFF_BYTES,
	decodeHead,
	detectDelimiter,
	detectEncoding,
	normaliseEncodingName,
	readHead,
	type Encoding
} from './sniff';
import { ImportError } from './types';

/** Title rows above the header are common; the header is looked for among the first rows only. */
export const HEADER_SEARCH_ROWS = 30;

/** The row among the first ones that looks most like a header of this kind (ties: the earliest). */
export function pickHeaderRow(kind: Kind, rows: string[][]): number {
	let best = -1;
	let bestScore = 0;
	rows.slice(0, HEADER_SEARCH_ROWS).forEach((cells, i) => {
		const score = headerScore(kind, cells);
		if (score > bestScore) {
			bestScore = score;
			best = i;
		}
	});
	if (best >= 0) return best;
	// No known header: the first row as wide as the widest of the sampled rows.
	const filled = rows.map((cells) => cells.filter((c) => c.trim() !== '').length);
	const widest = Math.max(0, ...filled);
	return Math.max(
		0,
		filled.findIndex((n) => n === widest)
	);
}

/** Empty or repeated header cells get names so that no column is lost or ambiguous. */
export function uniqueHeaders(cells: string[]): string[] {
	const seen = new Map<string, number>();
	return cells.map((cell, i) => {
		const base = cell.trim() || `column_${i + 1}`;
		const n = (seen.get(base) ?? 0) + 1;
		seen.set(base, n);
		return n === 1 ? base : `${base} (${n})`;
	});
}

export interface CsvLayout {
	encoding: Encoding;
	delimiter: string;
	/** 1-based line of the header record. */
	headerLine: number;
	/** Physical lines up to and including the header: DuckDB skips these. */
	skipLines: number;
	headers: string[];
	sample: string[][];
}

export async function sniffCsv(
	path: string,
	kind: Kind,
	forcedEncoding?: string,
	columns?: string[]
): Promise<CsvLayout> {
	const head = await readHead(path);
	if (head.length === 0) throw new ImportError(`${path}: the file is empty / 文件为空`, 'empty');
	const truncated = head.length === SNIFF_BYTES;
	const encoding = forcedEncoding ? normaliseEncodingName(forcedEncoding) : detectEncoding(head, truncated);
	let text = decodeHead(head, encoding);
	if (truncated) text = text.slice(0, text.lastIndexOf('\n') + 1);
	const delimiter = detectDelimiter(text.split('\n', 60));
	const records = parseHeadRecords(text, delimiter, 200);
	if (records.length === 0) throw new ImportError(`${path}: no rows found / 未找到数据行`, 'empty');
	if (columns) {
		return {
			encoding,
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
	return {
		encoding,
		delimiter,
		headerLine: header.startLine,
		skipLines: header.endLine,
		headers: uniqueHeaders(header.cells),
		sample: records.slice(headerIndex + 1).map((r) => r.cells)
	};
}
