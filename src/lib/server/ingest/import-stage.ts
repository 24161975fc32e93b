import type { HeaderMapping } from '$lib/domain/ingest/header-mapping';
import type { Sql } from '../db/sql';
import { planApply, type ApplyPlan } from './apply';
import { UserError } from '$lib/domain/errors';
import { sanitiseText } from '$lib/domain/sanitise';
import type { BrokenStructure, RecordScanner } from './csv-scan';
import { ImportError } from './errors';
import type { ImportPlan, Report } from './import-plan';
import { planMapping } from './import-plan';
import { NORM_VIEW_SQL, buildNormaliseSql, type StagedColumn } from './normalise';
import { prepareCsv, prepareXlsx, type PreparedSource, type StageFn } from './prepare';
import { scanRecords } from './read-source';
import { detectFileType, readHead } from './sniff';
import { csvRelationSql, dropStageRejects, stageCells, type StageOptions } from './stage';

/** A file read into DuckDB (`norm`) and checked, with all the import's transaction will write from. */
export interface StagedImport {
	source: PreparedSource;
	mapping: HeaderMapping;
	columns: StagedColumn[];
	/** Where rejected rows sit in the file; null when no row needs its line looked up. */
	scanner: RecordScanner | null;
	apply: ApplyPlan;
}

/**
 * Reads the file into DuckDB, outside the import's transaction. The records are parsed and
 * validated as DuckDB reads the file (for a UTF-8 file, while the JS pass hashes it): no copy of
 * the raw cells is kept unless some row is rejected.
 */
export async function stageImport(
	conn: Sql,
	plan: ImportPlan,
	work: string,
	report: Report
): Promise<StagedImport> {
	// For a UTF-8 file the JS pass may still be reading when DuckDB's validation has begun.
	let validating = false;
	const onRead = (fraction: number) => {
		if (!validating) report('reading', 0.5 * fraction);
	};
	const isCsv = detectFileType(await readHead(plan.path, 8)) === 'csv';
	const normalise: StageFn = async (csv) => {
		validating = true;
		report('validating', 0.5);
		try {
			await normaliseStaged(conn, plan, csv);
		} catch (error) {
			throw isCsv ? await csvReadError(error, csv, plan.fileName) : error;
		}
	};
	const source = await (isCsv ? prepareCsv : prepareXlsx)(plan.path, work, plan.request, onRead, normalise);
	const mapping = planMapping(plan, source.headers);
	const columns = stagedColumns(source.headers, mapping);
	report('validating', 0.75);
	const scanner = await prepareRejected(conn, source, plan.fileName);
	const apply = await planApply(conn, plan.def, plan.derived);
	return { source, mapping, columns, scanner, apply };
}

/** Creates `norm`: the records read from `csv` as typed fields, with each row's errors and flags. */
async function normaliseStaged(conn: Sql, plan: ImportPlan, csv: StageOptions): Promise<void> {
	const columns = stagedColumns(csv.headers, planMapping(plan, csv.headers));
	const normalise = buildNormaliseSql(plan.def, columns, csvRelationSql(csv, 'keep'), plan.rules);
	await dropStageRejects(conn);
	await conn.run(normalise.sql, normalise.params);
	await conn.run(NORM_VIEW_SQL);
}

/** The file's columns, numbered as in the staged relation (c1…cN), with the field each maps to. */
function stagedColumns(headers: string[], mapping: Record<string, string>): StagedColumn[] {
	return headers.map((header, i) => ({ index: i + 1, header, field: mapping[header] ?? null }));
}

/**
 * Line numbers and raw text of rejected rows come from a scan of the file's records and a second
 * read of its cells, made only when there is something to reject: most monthly files have nothing
 * to reject and skip both. Both happen before the import's transaction, where rowids of the cells'
 * table count from 0 like those of `norm`.
 */
async function prepareRejected(
	conn: Sql,
	source: PreparedSource,
	fileName: string
): Promise<RecordScanner | null> {
	const [malformed, invalid] = await conn.numbers(
		`SELECT (SELECT count(*) FROM stage_rejects),
			(SELECT count(*) FROM norm WHERE rejected)`
	);
	if (invalid > 0) await stageCells(conn, source.staged);
	if (malformed === 0 && (invalid === 0 || !source.scan)) return null;
	if (!source.scan) {
		throw new Error(
			`Internal error: ${fileName} staged ${malformed} malformed rows from a converted workbook`
		);
	}
	const scanner = await scanRecords(source.csvPath, source.scan);
	if (scanner.broken) throw brokenError(scanner.broken, fileName);
	await checkAlignment(conn, scanner.good, scanner.bad.length + scanner.blank, fileName);
	return scanner;
}

function brokenError(broken: BrokenStructure, fileName: string): ImportError {
	const key = (
		{
			unclosed_quote: 'ingest.unclosedQuote',
			stray_cr: 'ingest.strayCr',
			mixed_line_ends: 'ingest.mixedLineEnds'
		} as const
	)[broken.problem];
	return new ImportError('unreadable', key, { line: broken.line }, { ...broken }, fileName);
}

/**
 * DuckDB stopped reading the CSV (a lone CR puts its parser in an invalid state): the scanner finds
 * where and why; the engine's own words, which quote the server's file path, go to the log only.
 */
async function csvReadError(error: unknown, csv: StageOptions, fileName: string): Promise<unknown> {
	if (error instanceof UserError) return error;
	const spec = { delimiter: csv.delimiter, fields: csv.columns, skipLines: csv.skipLines };
	const scanner = await scanRecords(csv.path, spec).catch(() => null);
	if (scanner?.broken) return brokenError(scanner.broken, fileName);
	console.error(`import of ${fileName}: ${sanitiseText(String((error as Error)?.message ?? error))}`);
	return new ImportError('unreadable', 'ingest.csvUnreadable', {}, {}, fileName);
}

/** DuckDB staged exactly the records the scanner found good, else line numbers would be wrong. */
async function checkAlignment(conn: Sql, good: number, refused: number, fileName: string): Promise<void> {
	const [staged] = await conn.numbers('SELECT count(*) FROM norm_rows');
	const [rejects] = await conn.numbers('SELECT count(DISTINCT line) FROM stage_rejects');
	if (staged !== good || rejects !== refused) {
		throw new ImportError(
			'unreadable',
			'ingest.inconsistentCsv',
			{ staged, good },
			{ staged, good, rejects, refused },
			fileName
		);
	}
}
