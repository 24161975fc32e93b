import type { ImportResult } from '$lib/domain/ingest/api';
import { refreshRepairSequence } from '../db/repair-sequence';
import { appendAudit } from '../audit/log';
import { learnDefectNames } from '../catalogue/defect-codes';
import type { Sql } from '../db/sql';
import { applyRows } from './apply';
import type { ImportPlan, Report } from './import-plan';
import type { StagedImport } from './import-stage';
import { saveProfile } from './profiles';
import { writeRejected } from './rejected';

/**
 * Writes a staged file as one batch in one transaction: its rejected rows, its records (new,
 * updated or duplicate), the repairs' sequence, a saved profile and the batch row. Every non-blank
 * data row ends up in exactly one of the batch counts, else nothing is written.
 */
export async function commitImport(
	conn: Sql,
	plan: ImportPlan,
	staged: StagedImport,
	started: number,
	report: Report
): Promise<ImportResult> {
	const { source, scanner, mapping } = staged;
	return conn.transaction(async () => {
		const [batchId] = await conn.numbers("SELECT nextval('import_batch_seq')");
		const rejected = await writeRejected(conn, {
			batchId,
			columns: staged.columns,
			delimiter: source.delimiter ?? ',',
			scanner,
			utf8Path: source.csvPath,
			lineColumn: source.fileType === 'xlsx'
		});
		const [nonBlank, skipped] = await conn.numbers(
			'SELECT count(*) FILTER (NOT blank), count(*) FILTER (NOT blank AND skip) FROM norm'
		);
		const rows = nonBlank + (scanner?.bad.length ?? 0);
		report('writing', 0.85);
		const applied = await applyRows(conn, plan.def, batchId, staged.apply, plan.derived);
		if (plan.def.table === 'repairs') {
			await refreshRepairSequence(conn, batchId, { batchRowsCurrent: staged.apply.onlyNewKeys });
			await learnDefectNames(conn, batchId, plan.source);
		}
		if (plan.saveProfile) await saveProfile(conn, plan.saveProfile, plan.kind, mapping, plan.source);

		const result: ImportResult = {
			batchId,
			kind: plan.kind,
			file: plan.fileName,
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
			throw new Error(`Internal error: counts do not add up (${sum} ≠ ${rows} rows); nothing was written.`);
		}
		await insertBatch(conn, plan, staged, result);
		await appendAudit(conn, {
			...plan.source,
			action: 'import.commit',
			entity: 'batch',
			entityId: batchId,
			detail: {
				kind: plan.kind,
				file: plan.fileName,
				sha256: source.sha256,
				rows,
				accepted: result.accepted,
				updated: result.updated,
				duplicates: result.duplicates,
				rejected,
				skipped
			}
		});
		report('done', 1);
		return result;
	});
}

async function insertBatch(
	conn: Sql,
	plan: ImportPlan,
	staged: StagedImport,
	result: ImportResult
): Promise<void> {
	const { source } = staged;
	await conn.run(
		`INSERT INTO import_batches VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, CAST($11 AS JSON), $12,
		$13, $14, $15, $16, $17, $18, $19, current_localtimestamp(), $20, NULL, NULL)`,
		[
			result.batchId,
			plan.kind,
			plan.fileName,
			source.sha256,
			source.sizeBytes,
			source.fileType,
			source.encoding,
			source.delimiter,
			source.sheet,
			source.headerLine,
			JSON.stringify(result.mapping),
			plan.profile,
			result.rows,
			result.accepted,
			result.updated,
			result.duplicates,
			result.rejected,
			result.skipped,
			plan.source.actor,
			result.durationMs
		]
	);
}
