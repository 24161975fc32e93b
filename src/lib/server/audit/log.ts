import type { Database } from '../db/connection';
import type { Sql } from '../db/sql';
import type { Plain } from '../db/values';

/**
 * The append-only audit log: who did what, when, to which record. This module deliberately offers
 * only `appendAudit` (inside the caller's write transaction, so the entry commits or rolls back with
 * the change it describes) and reads — there is no update or delete, and no API route writes to it.
 */

export interface AuditEntry {
	id: number;
	at: string;
	actor: string;
	action: string;
	entity: string;
	entityId: string | null;
	detail: Plain;
}

export interface AuditInput {
	/** Who: a user name once login exists; 'web' or 'cli' until then. */
	actor: string;
	/** What, as a dotted verb: 'assessment.create', 'version.finalise', 'evidence.upload' … */
	action: string;
	entity: string;
	entityId?: string | number | null;
	/** What changed (old → new values, ids, hashes); kept as JSON. */
	detail?: unknown;
}

/** Appends one entry on `conn`, which must be the connection of the write transaction it documents. */
export async function appendAudit(conn: Sql, entry: AuditInput): Promise<void> {
	await conn.run(
		`INSERT INTO audit_log (id, "at", actor, action, entity, entity_id, detail)
		 VALUES (nextval('audit_seq'), current_localtimestamp(), $1, $2, $3, $4, CAST($5 AS JSON))`,
		[
			entry.actor,
			entry.action,
			entry.entity,
			entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
			JSON.stringify(entry.detail ?? null)
		]
	);
}

export interface AuditFilter {
	entity?: string;
	entityId?: string;
	/** Entity ids starting with this prefix (e.g. '12/' for every version of assessment 12). */
	entityPrefix?: string;
	limit?: number;
}

/** Entries, newest first. */
export async function readAudit(db: Database, filter: AuditFilter = {}): Promise<AuditEntry[]> {
	const where: string[] = ['TRUE'];
	const params: (string | number)[] = [];
	const bind = (value: string | number) => {
		params.push(value);
		return `$${params.length}`;
	};
	if (filter.entity) where.push(`entity = ${bind(filter.entity)}`);
	if (filter.entityId) where.push(`entity_id = ${bind(filter.entityId)}`);
	if (filter.entityPrefix) where.push(`starts_with(entity_id, ${bind(filter.entityPrefix)})`);
	const limit = bind(Math.min(Math.max(filter.limit ?? 200, 1), 10_000));
	const rows = await db.query(
		`SELECT id, "at", actor, action, entity, entity_id, CAST(detail AS VARCHAR) AS detail
		 FROM audit_log WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT ${limit}`,
		params
	);
	return rows.map((r) => ({
		id: Number(r.id),
		at: String(r.at),
		actor: String(r.actor),
		action: String(r.action),
		entity: String(r.entity),
		entityId: r.entity_id === null ? null : String(r.entity_id),
		detail: r.detail === null ? null : (JSON.parse(String(r.detail)) as Plain)
	}));
}
