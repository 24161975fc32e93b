import type { TableCount } from '$lib/domain/ingest/api';
import { KIND_DEFS, KINDS, type Kind } from '$lib/domain/records';
import type { Database } from '$lib/server/db/connection';

/**
 * Row counts of the canonical tables and of rejected_rows. Table names come from KIND_DEFS (a fixed
 * list), never from a request.
 */
export async function tableCounts(db: Database): Promise<TableCount[]> {
	const tables: { table: string; kind: Kind | null }[] = [
		...KINDS.map((kind) => ({ table: KIND_DEFS[kind].table, kind })),
		{ table: 'rejected_rows', kind: null }
	];
	const sql = tables
		.map(({ table }) => `SELECT '${table}' AS t, count(*) AS n FROM ${table}`)
		.join(' UNION ALL ');
	const rows = await db.query(sql);
	const counts = new Map(rows.map((r) => [String(r.t), Number(r.n)]));
	return tables.map(({ table, kind }) => ({ table, kind, rows: counts.get(table) ?? 0 }));
}
