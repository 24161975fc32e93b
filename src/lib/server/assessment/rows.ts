/** Reading and writing the workspace's own rows: one mapping from columns to fields, audited inserts. */
import { appendAudit, type AuditInput } from '../audit/log';
import type { Sql, SqlParams } from '../db/sql';
import type { PlainRow } from '../db/values';

const column = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * The named fields of a row, each read from its snake_case column (`periodFrom` ← `period_from`):
 * `numbers` as numbers, `texts` as text.
 */
export function rowFields<N extends string, T extends string>(
	r: PlainRow,
	numbers: readonly N[],
	texts: readonly T[]
): Record<N, number> & Record<T, string> {
	const out: Record<string, number | string> = {};
	for (const field of numbers) out[field] = Number(r[column(field)]);
	for (const field of texts) out[field] = String(r[column(field)]);
	return out as Record<N, number> & Record<T, string>;
}

/**
 * Inserts one row (`sql` ends in RETURNING *) and records its creation in the audit log, on the
 * connection of the caller's write transaction, so that both commit or neither does.
 */
export async function insertAudited<E extends { id: number }>(
	conn: Sql,
	insert: { sql: string; params: SqlParams },
	toEntity: (row: PlainRow) => E,
	audit: Omit<AuditInput, 'entityId'>
): Promise<E> {
	const [row] = await conn.all(insert.sql, insert.params);
	const created = toEntity(row);
	await appendAudit(conn, { ...audit, entityId: created.id });
	return created;
}
