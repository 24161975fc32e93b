import { settings } from '$lib/server/config';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { basename, join } from 'node:path';
import { KIND_DEFS, type Kind } from '$lib/domain/records';
import type { Database } from '../db/connection';
import type { Sql } from '../db/sql';
import { applyRows, planApply, type DerivedColumns } from './apply';
import {
	REPAIR_SEQUENCE_COLUMNS,
	prepareNewRepairSequence,
	onlyRepairSequenceSql,
	refreshRepairSequence
} from '../db/repair-sequence';
import { resolveMapping } from './mapping';
import { NORM_VIEW_SQL, buildNormaliseSql, type StagedColumn } from './normalise';
import { prepareCsv, prepareXlsx, type PreparedSource, type SourceRequest, type StageFn } from './prepare';
import type { RecordScanner } from './csv-scan';
import { scanRecords } from './read-source';
import { resolveProfile, saveProfile } from './profiles';
import { writeRejected } from './rejected';
import { detectFileType, readHead } from './sniff';
import { csvRelationSql, dropStageRejects, stageCells } from './stage';
import type { ImportProgress, ImportResult } from '$lib/domain/ingest/api';
import { ImportError } from './errors';
import type { ImportOptions } from './types';

function progress(options: ImportOptions, phase: ImportProgress['phase'], fraction: number): void {
	options.onProgress?.({ phase, fraction: Math.min(1, Math.max(0, fraction)) });
}

/**
 * Imports one export file as one batch. Everything it writes (records, history, rejected rows,
 * the batch, a saved profile) is one transaction: a failure or a killed process leaves the
 * database as it was. Every non-blank data row ends up in exactly one of the batch counts.
 */
export async function importFile(db: Database, path: string, options: ImportOptions): Promise<ImportResult> {
	const started = Date.now();
	const def = KIND_DEFS[options.kind];
	const fileName = options.fileName ?? basename(path);
	await assertReadable(path);
	const work = await mkdtemp(join(tmpdir(), 'workbench-import-'));
	try {
		return await db.session(async (conn) => {
			progress(options, 'reading', 0);
			// Staging and normalising a large file holds it in memory several times; a limit makes
			// DuckDB spill to disk instead, keeping the import process small. Writes are serialised, so
			// no other import shares the setting; reads during the import share it.
			await conn.run(`SET memory_limit = '${importMemoryLimit()}'`);
			const profile = options.profile ? await resolveProfileOrFail(db, options.profile, options.kind) : null;
			const request: SourceRequest = {
				kind: options.kind,
				fileName,
				encoding: options.encoding ?? profile?.encoding,
				sheet: options.sheet ?? profile?.sheet,
				explicit: { ...profile?.mapping, ...options.map },
				useSynonyms: !profile,
				columns: profile?.columns
			};
			// For a UTF-8 file the JS pass may still be reading when DuckDB's validation has begun.
			let validating = false;
			const onRead = (fraction: number) => {
				if (!validating) progress(options, 'reading', 0.5 * fraction);
			};
			// The records are parsed and validated as DuckDB reads the file (for a UTF-8 file, while
			// the JS pass hashes it): no copy of the raw cells is kept unless some row is rejected.
			const stage: StageFn = async (csv) => {
				validating = true;
				progress(options, 'validating', 0.5);
				const mapping = resolveMapping(
					options.kind,
					csv.headers,
					request.explicit,
					fileName,
					request.useSynonyms
				);
				const normalise = buildNormaliseSql(
					def,
					stagedColumns(csv.headers, mapping),
					csvRelationSql(csv, 'keep'),
					profile ?? {}
				);
				await dropStageRejects(conn);
				await conn.run(normalise.sql, normalise.params);
				await conn.run(NORM_VIEW_SQL);
			};
			const source =
				detectFileType(await readHead(path, 8)) === 'xlsx'
					? await prepareXlsx(path, work, request, onRead, stage)
					: await prepareCsv(path, work, request, onRead, stage);
			const { headers } = source;
			const mapping = resolveMapping(options.kind, headers, request.explicit, fileName, request.useSynonyms);
			const columns = stagedColumns(headers, mapping);
			progress(options, 'validating', 0.75);
			const scanner = await prepareRejected(conn, source, fileName);
			const repairs = def.table === 'repairs';
			const derived: DerivedColumns | undefined = repairs
				? {
						names: REPAIR_SEQUENCE_COLUMNS,
						defaults: onlyRepairSequenceSql,
						prepare: prepareNewRepairSequence
					}
				: undefined;
			const plan = await planApply(conn, def, derived);

			return conn.transaction(async () => {
				const [batchId] = await conn.numbers("SELECT nextval('import_batch_seq')");
				const rejected = await writeRejected(conn, {
					batchId,
					columns,
					delimiter: source.delimiter ?? ',',
					scanner,
					utf8Path: source.csvPath,
					lineColumn: source.fileType === 'xlsx'
				});
				const [nonBlank, skipped] = await conn.numbers(
					'SELECT count(*) FILTER (NOT blank), count(*) FILTER (NOT blank AND skip) FROM norm'
				);
				const rows = nonBlank + (scanner?.bad.length ?? 0);
				progress(options, 'writing', 0.85);
				const applied = await applyRows(conn, def, batchId, plan, derived);
				if (repairs) await refreshRepairSequence(conn, batchId, { batchRowsCurrent: plan.onlyNewKeys });
				if (options.saveProfile) await saveProfile(conn, options.saveProfile, options.kind, mapping);

				const result: ImportResult = {
					batchId,
					kind: options.kind,
					file: fileName,
					sha256: source.sha256,
					encoding: source.encoding,
					fileType: source.fileType,
					delimiter: source.delimiter,
					sheet: source.sheet,
					headerLine: source.headerLine,
					mapping,
					rows,
					accepted: applied.accepted,
					updated: applied.updated,
					duplicates: applied.duplicates,
					rejected,
					skipped,
					durationMs: Date.now() - started
				};
				const sum = result.accepted + result.updated + result.duplicates + result.rejected + result.skipped;
				if (sum !== rows) {
					throw new Error(
						`Internal error: counts do not add up (${sum} ≠ ${rows} rows); nothing was written.`
					);
				}
				await conn.run(
					`INSERT INTO import_batches VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, CAST($11 AS JSON), $12,
					$13, $14, $15, $16, $17, $18, $19, current_localtimestamp(), $20)`,
					[
						batchId,
						options.kind,
						fileName,
						source.sha256,
						source.sizeBytes,
						source.fileType,
						source.encoding,
						source.delimiter,
						source.sheet,
						source.headerLine,
						JSON.stringify(mapping),
						options.profile ?? null,
						rows,
						result.accepted,
						result.updated,
						result.duplicates,
						result.rejected,
						result.skipped,
						options.importedBy ?? userName(),
						result.durationMs
					]
				);
				progress(options, 'done', 1);
				return result;
			});
		});
	} finally {
		await db.session((conn) => conn.run('RESET memory_limit')).catch(() => undefined);
		await rm(work, { recursive: true, force: true });
	}
}

function importMemoryLimit(): string {
	return settings().WORKBENCH_IMPORT_MEMORY;
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
	await checkAlignment(conn, scanner.good, scanner.bad.length + scanner.blank, fileName);
	return scanner;
}

async function resolveProfileOrFail(db: Database, name: string, kind: Kind) {
	const profile = await resolveProfile(db, name);
	if (!profile) throw new ImportError('unknown_profile', 'ingest.unknownProfile', { name }, { name });
	if (profile.kind !== kind) {
		throw new ImportError(
			'bad_mapping',
			'ingest.profileKind',
			{ name, profileKind: profile.kind, kind },
			{ name, kind: profile.kind }
		);
	}
	return profile;
}

/** DuckDB staged exactly the records the scanner found good, else line numbers would be wrong. */
async function checkAlignment(conn: Sql, good: number, refused: number, fileName: string): Promise<void> {
	const [staged] = await conn.numbers('SELECT count(*) FROM norm_rows');
	const [rejects] = await conn.numbers('SELECT count(DISTINCT byte_position) FROM stage_rejects');
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

async function assertReadable(path: string): Promise<void> {
	try {
		if (!(await stat(path)).isFile()) throw new Error('not a file');
	} catch (error) {
		throw new ImportError(
			'unreadable',
			'ingest.unreadableFile',
			{ reason: (error as Error).message },
			{},
			path
		);
	}
}

/** The file's columns, numbered as in the staged relation (c1…cN), with the field each maps to. */
function stagedColumns(headers: string[], mapping: Record<string, string>): StagedColumn[] {
	return headers.map((header, i) => ({ index: i + 1, header, field: mapping[header] ?? null }));
}

function userName(): string {
	try {
		return userInfo().username;
	} catch {
		return 'cli';
	}
}
