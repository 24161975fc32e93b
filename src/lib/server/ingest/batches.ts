import type { BatchRow } from '$lib/domain/ingest/api';
import type { Database } from '../db/connection';
import type { Plain } from '../db/values';

const BATCH_COLUMNS = `id, kind, file_name, sha256, size_bytes, file_type, encoding, delimiter, sheet, header_line,
	CAST(mapping AS VARCHAR) AS mapping, profile, rows, accepted, updated, duplicates, rejected, skipped,
	imported_by, imported_at, duration_ms, CAST(undone_at AS VARCHAR) AS undone_at`;

function toBatch(r: Record<string, Plain>): BatchRow {
	return {
		id: Number(r.id),
		kind: String(r.kind),
		fileName: String(r.file_name),
		sha256: String(r.sha256),
		sizeBytes: Number(r.size_bytes),
		fileType: String(r.file_type),
		encoding: String(r.encoding),
		delimiter: (r.delimiter as string | null) ?? null,
		sheet: (r.sheet as string | null) ?? null,
		headerLine: Number(r.header_line),
		mapping: JSON.parse(String(r.mapping)),
		profile: (r.profile as string | null) ?? null,
		rows: Number(r.rows),
		accepted: Number(r.accepted),
		updated: Number(r.updated),
		duplicates: Number(r.duplicates),
		rejected: Number(r.rejected),
		skipped: Number(r.skipped),
		importedBy: String(r.imported_by),
		importedAt: String(r.imported_at),
		durationMs: Number(r.duration_ms),
		undoneAt: (r.undone_at as string | null) ?? null
	};
}

/** Import history, newest first. */
export async function listBatches(db: Database, limit = 200): Promise<BatchRow[]> {
	const rows = await db.query(`SELECT ${BATCH_COLUMNS} FROM import_batches ORDER BY id DESC LIMIT $1`, [
		limit
	]);
	return rows.map(toBatch);
}

export async function getBatch(db: Database, id: number): Promise<BatchRow | null> {
	const rows = await db.query(`SELECT ${BATCH_COLUMNS} FROM import_batches WHERE id = $1`, [id]);
	return rows.length ? toBatch(rows[0]) : null;
}
