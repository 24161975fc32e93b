import type { Database } from '../db/connection';
import type { Plain } from '../db/values';

export interface BatchRow {
	id: number;
	kind: string;
	fileName: string;
	sha256: string;
	sizeBytes: number;
	fileType: string;
	encoding: string;
	delimiter: string | null;
	sheet: string | null;
	headerLine: number;
	mapping: Record<string, string>;
	profile: string | null;
	rows: number;
	accepted: number;
	updated: number;
	duplicates: number;
	rejected: number;
	skipped: number;
	importedBy: string;
	importedAt: string;
	durationMs: number;
}

export interface RejectedRow {
	line: number | null;
	columnName: string | null;
	field: string | null;
	reason: string;
	value: string | null;
	errors: { field: string; column: string; reason: string; value: string | null }[];
	rawText: string | null;
}

const BATCH_COLUMNS = `id, kind, file_name, sha256, size_bytes, file_type, encoding, delimiter, sheet, header_line,
	CAST(mapping AS VARCHAR) AS mapping, profile, rows, accepted, updated, duplicates, rejected, skipped,
	imported_by, imported_at, duration_ms`;

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
		durationMs: Number(r.duration_ms)
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
