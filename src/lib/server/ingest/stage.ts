import type { DuckDBConnection } from '@duckdb/node-api';

/** Paths and delimiters are not user text in SQL values' sense, but still quoted safely. */
function sqlString(value: string): string {
	return `'${value.replace(/'/g, "''")}'`;
}

/**
 * Reads the UTF-8 CSV into the temp table `stage` with every column as text (c1…cN, plus `line`
 * for converted workbooks). Records with the wrong number of fields do not stop the read: DuckDB
 * keeps them in `stage_rejects` and the importer reports them as rejected rows.
 */
export interface StageOptions {
	path: string;
	delimiter: string;
	skipLines: number;
	columns: number;
	/** Converted workbooks carry the sheet row number as a first column. */
	lineColumn: boolean;
}

export async function stageCsv(conn: DuckDBConnection, options: StageOptions): Promise<void> {
	const names = Array.from({ length: options.columns }, (_, i) => `c${i + 1}`);
	if (options.lineColumn) names.unshift('line');
	const columns = names.map((n) => `'${n}': 'VARCHAR'`).join(', ');
	await conn.run('DROP TABLE IF EXISTS stage_rejects; DROP TABLE IF EXISTS stage_scans;');
	await conn.run(`
CREATE OR REPLACE TEMP TABLE stage AS
SELECT * FROM read_csv(${sqlString(options.path)},
	header = false, skip = ${Math.trunc(options.skipLines)}, delim = ${sqlString(options.delimiter)},
	quote = '"', escape = '"', auto_detect = false, strict_mode = true,
	store_rejects = true, rejects_table = 'stage_rejects', rejects_scan = 'stage_scans',
	max_line_size = 16777216, columns = {${columns}})`);
}
