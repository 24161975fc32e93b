import { open } from 'node:fs/promises';
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

/** Records with too many or too few fields: their text comes from the file, by byte offset. */
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
	try {
		for (const bad of scanner.bad) {
			const buffer = Buffer.alloc(Math.min(bad.length, RAW_TEXT_LIMIT));
			await handle.read(buffer, 0, buffer.length, bad.offset);
			lines.push(bad.line);
			texts.push(buffer.toString('utf8').replace(/\r?\n$/, ''));
			values.push(`${bad.fields}/${expected}`);
		}
	} finally {
		await handle.close();
	}
	await conn.run(
		`INSERT INTO rejected_rows (batch_id, line, column_name, field, reason, value, errors, raw_text)
		 SELECT $1, unnest($2::INTEGER[]), NULL, NULL, 'column_count', unnest($3::VARCHAR[]), NULL, unnest($4::VARCHAR[])`,
		[batchId, sqlList('INTEGER', lines), sqlList('VARCHAR', values), sqlList('VARCHAR', texts)]
	);
}
