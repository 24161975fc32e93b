import { KIND_DEFS, type Kind } from '$lib/domain/records';
import type { LineageRow } from '$lib/domain/reports/document';
import type { Database } from '../db/connection';

export interface LineageWindow {
	kinds: readonly Kind[];
	/** Inclusive first day and exclusive end, YYYY-MM-DD: the dates the report's figures read. */
	from: string;
	until: string;
}

/**
 * The import batches behind a report: every batch that last wrote a record of the kinds the report
 * reads, dated inside the window the figures cover (a record updated by a later export names that
 * later batch, whose file holds the values counted). Table and date column come from the record
 * kinds, never from a request.
 */
export async function lineage(db: Database, window: LineageWindow): Promise<LineageRow[]> {
	if (!window.kinds.length) return [];
	const used = window.kinds
		.map((kind) => {
			const { table, dateField } = KIND_DEFS[kind];
			return `SELECT DISTINCT batch_id FROM ${table} WHERE ${dateField} >= $1::DATE AND ${dateField} < $2::DATE`;
		})
		.join(' UNION ');
	const rows = await db.query(
		`SELECT b.id, b.kind, b.file_name, b.sha256, b.rows, b.accepted, b.updated, b.rejected,
			strftime(b.imported_at, '%Y-%m-%d %H:%M:%S') AS imported_at, b.imported_by
		FROM import_batches b WHERE b.id IN (${used}) ORDER BY b.id`,
		[window.from, window.until]
	);
	return rows.map((r) => ({
		batch_id: Number(r.id),
		kind: String(r.kind),
		file_name: String(r.file_name),
		sha256: String(r.sha256),
		rows: Number(r.rows),
		accepted: Number(r.accepted),
		updated: Number(r.updated),
		rejected: Number(r.rejected),
		imported_at: String(r.imported_at),
		imported_by: String(r.imported_by)
	}));
}
