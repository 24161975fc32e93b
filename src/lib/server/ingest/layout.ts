import type { Kind } from '$lib/domain/records';
import { pickHeaderRow, uniqueHeaders } from '$lib/domain/ingest/header-mapping';
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
}

export async function sniffCsv(
	path: string,
	kind: Kind,
	forcedEncoding?: string,
	columns?: string[]
): Promise<CsvLayout> {
	const head = await readHead(path);
	if (head.length === 0) throw new ImportError('empty', 'ingest.emptyFile', {}, {}, path);
	const truncated = head.length === SNIFF_BYTES;
	const encoding = forcedEncoding ? normaliseEncodingName(forcedEncoding) : detectEncoding(head, truncated);
	let text = decodeHead(head, encoding);
	if (truncated) text = text.slice(0, text.lastIndexOf('\n') + 1);
	const delimiter = detectDelimiter(text.split('\n', 60));
	const records = parseHeadRecords(text, delimiter, 200);
	if (records.length === 0) throw new ImportError('empty', 'ingest.noRows', {}, {}, path);
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
