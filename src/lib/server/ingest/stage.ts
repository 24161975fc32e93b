import type { Sql } from '../db/sql';

/** Paths and delimiters are not user text in SQL values' sense, but still quoted safely. */
function sqlString(value: string): string {
	return `'${value.replace(/'/g, "''")}'`;
}

/**
 * Files wider than this are refused before DuckDB reads them: it keeps a buffer per column, and 1,000
 * text columns exhausted the import's 512 MB in a test (no export has more than a few dozen).
 */
export const MAX_COLUMNS = 256;

/** Records up to 16 MiB (long quoted text) are read; DuckDB's default stops at 2 MiB. */
export const MAX_RECORD_BYTES = 16 * 2 ** 20;
/**
 * Raising the record limit also enlarges DuckDB's read buffer, which leaves its threads fewer pieces
 * of the file to share (0.25 s slower on the 1M-row benchmark file); an explicit 16 MiB buffer reads
 * as fast as DuckDB's default, holding the least of the file in memory.
 */
const READ_BUFFER_BYTES = 16 * 2 ** 20;

/** The UTF-8 CSV DuckDB reads, as prepared from the user's file. */
export interface StageOptions {
	path: string;
	delimiter: string;
	skipLines: number;
	columns: number;
	/** The columns' header texts, unique. */
	headers: string[];
	/** Converted workbooks carry the sheet row number as a first column. */
	lineColumn: boolean;
}

/**
 * The file's records as a relation with every column as text (c1…cN, plus `line` for converted
 * workbooks), in file order. Records with the wrong number of fields do not stop the read: the
 * first read keeps them in `stage_rejects` (the importer reports them as rejected rows); a re-read
 * skips the same records, so that its rows line up with the first read's.
 */
export function csvRelationSql(options: StageOptions, malformed: 'keep' | 'skip'): string {
	const names = Array.from({ length: options.columns }, (_, i) => `c${i + 1}`);
	if (options.lineColumn) names.unshift('line');
	const columns = names.map((n) => `'${n}': 'VARCHAR'`).join(', ');
	const rejects =
		malformed === 'keep'
			? `store_rejects = true, rejects_table = 'stage_rejects', rejects_scan = 'stage_scans'`
			: 'ignore_errors = true';
	return `read_csv(${sqlString(options.path)},
	header = false, skip = ${Math.trunc(options.skipLines)}, delim = ${sqlString(options.delimiter)},
	quote = '"', escape = '"', auto_detect = false, strict_mode = true, ${rejects},
	max_line_size = ${MAX_RECORD_BYTES}, buffer_size = ${READ_BUFFER_BYTES}, columns = {${columns}})`;
}

/** Forgets the malformed records of an earlier read on this connection. */
export async function dropStageRejects(conn: Sql): Promise<void> {
	await conn.run('DROP TABLE IF EXISTS stage_rejects; DROP TABLE IF EXISTS stage_scans;');
}

/**
 * Reads the records into the temp table `stage`, cells as they are in the file, for the raw text of
 * rejected rows. Row i of `stage` is row i of `norm`: DuckDB keeps a file's order in both reads.
 */
export async function stageCells(conn: Sql, options: StageOptions): Promise<void> {
	await conn.run(`CREATE OR REPLACE TEMP TABLE stage AS SELECT * FROM ${csvRelationSql(options, 'skip')}`);
}
