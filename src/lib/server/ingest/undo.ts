import { KIND_DEFS, isKind, type KindDef } from '$lib/domain/records';
import { StatusError } from '$lib/domain/errors';
import type { UndoPreview, UndoResult } from '$lib/domain/ingest/api';
import { appendAudit } from '../audit/log';
import { refreshRepairSequence } from '../db/repair-sequence';
import type { Database } from '../db/connection';
import type { Sql } from '../db/sql';

/** A refused undo; the API answers with its status (404 unknown batch, 409 refused). */
export class UndoError extends StatusError {}

async function previewIn(conn: Sql, batchId: number): Promise<{ preview: UndoPreview; def: KindDef }> {
	const [batch] = await conn.all(
		'SELECT kind, file_name, CAST(undone_at AS VARCHAR) AS undone_at FROM import_batches WHERE id = $1',
		[batchId]
	);
	if (!batch || !isKind(String(batch.kind)))
		throw new UndoError(404, 'ingest.undo.notFound', { id: batchId });
	const def = KIND_DEFS[batch.kind as keyof typeof KIND_DEFS];
	const t = def.table;
	const [stored, toRestore] = await conn.numbers(
		`SELECT (SELECT count(*) FROM ${t} WHERE batch_id = $1),
			(SELECT count(*) FROM ${t}_history WHERE superseded_by_batch = $1 AND batch_id IS DISTINCT FROM $1)`,
		[batchId]
	);
	// A later batch that replaced a version this batch stored moved it to history under its own id;
	// undoing that later batch restores the version and removes the history row, so it no longer blocks.
	const later = await conn.all(
		`SELECT b.id, b.file_name FROM import_batches b
		WHERE b.undone_at IS NULL AND b.id IN (
			SELECT superseded_by_batch FROM ${t}_history WHERE batch_id = $1 AND superseded_by_batch <> $1)
		ORDER BY b.id`,
		[batchId]
	);
	return {
		def,
		preview: {
			batchId,
			kind: String(batch.kind),
			fileName: String(batch.file_name),
			toDelete: stored - toRestore,
			toRestore,
			blockedBy: later.map((r) => ({ id: Number(r.id), fileName: String(r.file_name) })),
			undoneAt: (batch.undone_at as string | null) ?? null
		}
	};
}

/** Refuses the undo of an already undone batch or one whose records a later batch changed. */
export function assertUndoable(preview: UndoPreview): void {
	const { batchId: id, undoneAt, blockedBy } = preview;
	if (undoneAt) throw new UndoError(409, 'ingest.undo.alreadyUndone', { id, at: undoneAt });
	if (blockedBy.length) {
		const later = blockedBy.map((b) => `#${b.id} ${b.fileName}`).join(', ');
		throw new UndoError(409, 'ingest.undo.blocked', { id, later }, { blockedBy });
	}
}

/** What undoing a batch would do, for the confirmation. */
export async function undoPreview(db: Database, batchId: number): Promise<UndoPreview> {
	return db.write(async (conn) => (await previewIn(conn, batchId)).preview);
}

/**
 * Undoes an import in one transaction: deletes the records the batch stored, puts back the versions
 * it replaced (with their own batch ids) and drops the history rows it wrote, so the tables hold what
 * they held before it and a later re-import of the same file behaves as the first time. Its rejected
 * rows stay with the batch row, which is marked undone rather than deleted: the history of imports
 * and the audit log keep it.
 */
export async function undoBatch(db: Database, batchId: number, actor: string): Promise<UndoResult> {
	return db.write(async (conn) => {
		const { preview, def } = await previewIn(conn, batchId);
		assertUndoable(preview);
		const t = def.table;
		const fields = def.fields.map((f) => f.name).join(', ');
		const repairs = t === 'repairs';
		if (repairs) {
			await conn.run(
				`CREATE OR REPLACE TEMP TABLE touched_serials AS
				SELECT serial_no FROM repairs WHERE batch_id = $1 AND serial_no IS NOT NULL
				UNION SELECT serial_no FROM repairs_history WHERE superseded_by_batch = $1 AND serial_no IS NOT NULL`,
				[batchId]
			);
		}
		await conn.run(`DELETE FROM ${t} WHERE batch_id = $1`, [batchId]);
		await conn.run(
			`INSERT INTO ${t} (${fields}, extra, batch_id) SELECT ${fields}, extra, batch_id FROM ${t}_history
			WHERE superseded_by_batch = $1 AND batch_id IS DISTINCT FROM $1`,
			[batchId]
		);
		await conn.run(`DELETE FROM ${t}_history WHERE superseded_by_batch = $1`, [batchId]);
		// touched_serials holds the serials of the removed and restored rows.
		if (repairs) await refreshRepairSequence(conn, batchId, { batchRowsCurrent: true });
		const [row] = await conn.all(
			`UPDATE import_batches SET undone_at = current_localtimestamp(), undone_by = $2 WHERE id = $1
			RETURNING CAST(undone_at AS VARCHAR) AS undone_at`,
			[batchId, actor]
		);
		await appendAudit(conn, {
			actor,
			action: 'import.undo',
			entity: 'batch',
			entityId: batchId,
			detail: {
				kind: preview.kind,
				file: preview.fileName,
				deleted: preview.toDelete,
				restored: preview.toRestore
			}
		});
		return {
			batchId,
			kind: preview.kind,
			fileName: preview.fileName,
			toDelete: preview.toDelete,
			toRestore: preview.toRestore,
			undoneAt: String(row.undone_at)
		};
	});
}
