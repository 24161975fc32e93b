/**
 * Rejected rows, one table from write to read: an import stores the rows it refuses (with the
 * first error, all errors and the raw text), the batch page lists them and a download streams them
 * as CSV.
 */
import { open } from 'node:fs/promises';
import { toSafeCsv } from '$lib/domain/csv-safe';
import type { RejectedRow } from '$lib/domain/ingest/api';
import { describeRejectError } from '$lib/domain/ingest/rejected';
import { bilingual, rejectReason, type Locale, type MessageKey } from '$lib/i18n';
import type { Database } from '../db/connection';
import { sqlList, type Sql } from '../db/sql';
import type { RecordScanner } from './csv-scan';
import type { StagedColumn } from './normalise';

/** Raw text kept per rejected row; longer records are cut (the file itself keeps the rest). */
const RAW_TEXT_LIMIT = 8192;

/** The staged cells joined back into one CSV line, quoted where needed. */
function rawTextSql(columns: StagedColumn[]): string {
	const cell = (c: string) =>
		`CASE WHEN s.${c} IS NULL THEN '' WHEN regexp_matches(s.${c}, '["\\n\\r]') OR contains(s.${c}, $2)
			THEN '"' || replace(s.${c}, '"', '""') || '"' ELSE s.${c} END`;
	return `left(concat_ws($2, ${columns.map((c) => cell(`c${c.index}`)).join(', ')}), ${RAW_TEXT_LIMIT})`;
}

/**
 * Stores every rejected row of `norm` (with the first error in its columns and all errors as JSON;
 * its raw text from the cells in `stage`, see stageCells) and every record the scanner found with the
 * wrong number of fields. Returns how many rows.
 */
export async function writeRejected(
	conn: Sql,
	options: {
		batchId: number;
		columns: StagedColumn[];
		delimiter: string;
		scanner: RecordScanner | null;
		utf8Path: string;
		lineColumn: boolean;
	}
): Promise<number> {
	const { batchId, scanner } = options;
	const rejectedFilter = 'n.rejected';
	const [fromNorm] = await conn.numbers(`SELECT count(*) FROM norm n WHERE ${rejectedFilter}`);
	if (fromNorm > 0) {
		let lineExpr = options.lineColumn ? 'CAST(s.line AS INTEGER)' : 'NULL';
		let lineJoin = '';
		if (scanner) {
			const recs = (await conn.all(`SELECT n.rec FROM norm n WHERE ${rejectedFilter} ORDER BY n.rec`)).map(
				(r) => r.rec as number
			);
			await conn.run(
				`CREATE OR REPLACE TEMP TABLE rec_lines AS
				 SELECT unnest($1::BIGINT[]) AS rec, unnest($2::INTEGER[]) AS line`,
				[
					sqlList('BIGINT', recs),
					sqlList(
						'INTEGER',
						recs.map((r) => scanner.goodLine(r))
					)
				]
			);
			lineExpr = 'l.line';
			lineJoin = 'JOIN rec_lines l ON l.rec = n.rec';
		}
		await conn.run(
			`INSERT INTO rejected_rows (batch_id, line, column_name, field, reason, value, errors, raw_text)
			 SELECT $1, ${lineExpr}, n.errors[1].col, n.errors[1].field, n.errors[1].reason, n.errors[1].value,
				to_json(n.errors), ${rawTextSql(options.columns)}
			 FROM norm n JOIN stage s ON s.rowid = n.rec ${lineJoin}
			 WHERE ${rejectedFilter}`,
			[batchId, options.delimiter]
		);
	}
	if (scanner?.bad.length)
		await writeMalformed(conn, batchId, scanner, options.utf8Path, options.columns.length);
	return fromNorm + (scanner?.bad.length ?? 0);
}

/** Records DuckDB could not read (wrong field count, bad UTF-8, too long): their text comes from the file, by byte offset. */
async function writeMalformed(
	conn: Sql,
	batchId: number,
	scanner: RecordScanner,
	utf8Path: string,
	expected: number
): Promise<void> {
	const handle = await open(utf8Path, 'r');
	const lines: number[] = [];
	const texts: string[] = [];
	const values: string[] = [];
	const reasons: string[] = [];
	try {
		for (const bad of scanner.bad) {
			const buffer = Buffer.alloc(Math.min(bad.length, RAW_TEXT_LIMIT));
			await handle.read(buffer, 0, buffer.length, bad.offset);
			lines.push(bad.line);
			texts.push(buffer.toString('utf8').replace(/\r?\n$/, ''));
			values.push(bad.reason === 'column_count' ? `${bad.fields}/${expected}` : '');
			reasons.push(bad.reason);
		}
	} finally {
		await handle.close();
	}
	await conn.run(
		`INSERT INTO rejected_rows (batch_id, line, column_name, field, reason, value, errors, raw_text)
		 SELECT $1, unnest($2::INTEGER[]), NULL, NULL, unnest($5::VARCHAR[]), unnest($3::VARCHAR[]), NULL,
			unnest($4::VARCHAR[])`,
		[
			batchId,
			sqlList('INTEGER', lines),
			sqlList('VARCHAR', values),
			sqlList('VARCHAR', texts),
			sqlList('VARCHAR', reasons)
		]
	);
}

/** Rejected rows of one batch in file order. */
export async function listRejected(
	db: Database,
	batchId: number,
	limit = 500,
	offset = 0
): Promise<{ total: number; rows: RejectedRow[] }> {
	const [{ n }] = await db.query('SELECT count(*) AS n FROM rejected_rows WHERE batch_id = $1', [batchId]);
	const rows = await db.query(
		`SELECT line, column_name, field, reason, value, CAST(errors AS VARCHAR) AS errors, raw_text
		 FROM rejected_rows WHERE batch_id = $1 ORDER BY line NULLS LAST LIMIT $2 OFFSET $3`,
		[batchId, limit, offset]
	);
	return {
		total: Number(n),
		rows: rows.map((r) => ({
			line: r.line === null ? null : Number(r.line),
			columnName: (r.column_name as string | null) ?? null,
			field: (r.field as string | null) ?? null,
			reason: String(r.reason),
			value: (r.value as string | null) ?? null,
			errors: r.errors
				? (
						JSON.parse(String(r.errors)) as {
							field: string;
							col: string;
							reason: string;
							value: string | null;
						}[]
					).map(({ col, ...rest }) => ({ ...rest, column: col }))
				: [],
			rawText: (r.raw_text as string | null) ?? null
		}))
	};
}

const CHUNK = 5000;

const COLUMNS: MessageKey[] = [
	'rej.line',
	'rej.column',
	'rej.field',
	'rej.reasonCode',
	'rej.reason',
	'rej.value',
	'rej.allErrors',
	'rej.raw'
];

function rejectedHeader(): string[] {
	return COLUMNS.map((key) => bilingual(key));
}

function rejectedCsvRow(row: RejectedRow, locale: Locale): unknown[] {
	return [
		row.line,
		row.columnName,
		row.field,
		row.reason,
		rejectReason(locale, row.reason),
		row.value,
		row.errors.map((e) => describeRejectError(locale, e)).join('; '),
		row.rawText
	];
}

/**
 * The rejected rows of one batch as a CSV byte stream, read from the database in chunks so a batch
 * with a million rejected rows is never held in memory at once.
 */
export function rejectedCsvStream(db: Database, batchId: number, locale: Locale): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	let offset = 0;
	let first = true;
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			try {
				const { rows } = await listRejected(db, batchId, CHUNK, offset);
				const text = toSafeCsv(
					rows.map((r) => rejectedCsvRow(r, locale)),
					first ? { header: rejectedHeader(), bom: true } : {}
				);
				first = false;
				offset += rows.length;
				if (text) controller.enqueue(encoder.encode(text));
				if (rows.length < CHUNK) controller.close();
			} catch (error) {
				controller.error(error);
			}
		}
	});
}
