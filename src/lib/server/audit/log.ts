import type { Database } from '../db/connection';
import { entryHash, type ChainedFields } from './chain';
import type { Sql } from '../db/sql';
import type { Plain } from '../db/values';
import { currentOrigin } from './origin';
import { AUDIT_COLUMNS, auditRow } from './rows';
import type { AuditEntry } from '$lib/domain/assessment/api';

/**
 * The append-only audit log: who did what, when, to which record. This module deliberately offers
 * only `appendAudit` (inside the caller's write transaction, so the entry commits or rolls back with
 * the change it describes), `recordAudit` (for what changes no data: a download, a catalogue read)
 * and reads — there is no update or delete, and no API route writes to it.
 */

export interface AuditInput {
	/** Who: a user name once login exists; 'web' or 'cli' until then. */
	actor: string;
	/** What, as a dotted verb: 'assessment.create', 'version.finalise', 'evidence.upload' … */
	action: string;
	entity: string;
	entityId?: string | number | null;
	/** What changed (old → new values, ids, hashes); kept as JSON. */
	detail?: unknown;
	/**
	 * Where from: the client's address for the web, 'cli' for the command line; when not given, where
	 * the work being done comes from (fromOrigin in origin.ts).
	 */
	origin?: string | null;
}

/** The local time with microseconds, as the column stores it and strftime gives it back. */
function localStamp(date: Date): string {
	const p = (n: number, w = 2) => String(n).padStart(w, '0');
	return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())} ${p(date.getHours())}:${p(
		date.getMinutes()
	)}:${p(date.getSeconds())}.${p(date.getMilliseconds(), 3)}000`;
}

/**
 * Appends one entry on `conn`, which must be the connection of the write transaction it documents.
 * The write lock serialises appends, so the newest entry read here is the one this entry follows; its
 * hash goes into this entry's, so changing or removing an entry breaks every hash after it.
 */
export async function appendAudit(conn: Sql, entry: AuditInput): Promise<void> {
	const [last] = await conn.all('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1');
	const [id] = await conn.numbers("SELECT nextval('audit_seq')");
	const fields: ChainedFields = {
		id,
		at: localStamp(new Date()),
		actor: entry.actor,
		action: entry.action,
		entity: entry.entity,
		entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
		detail: JSON.stringify(entry.detail ?? null),
		origin: entry.origin ?? currentOrigin(),
		prevHash: last?.hash === undefined || last.hash === null ? null : String(last.hash)
	};
	await conn.run(
		`INSERT INTO audit_log (id, "at", actor, action, entity, entity_id, detail, origin, prev_hash, hash)
		 VALUES ($1, CAST($2 AS TIMESTAMP), $3, $4, $5, $6, CAST($7 AS JSON), $8, $9, $10)`,
		[
			fields.id,
			fields.at,
			fields.actor,
			fields.action,
			fields.entity,
			fields.entityId,
			fields.detail,
			fields.origin,
			fields.prevHash,
			entryHash(fields)
		]
	);
}

/** Who acts and from where, as the web and the CLI pass it on. */
export type AuditSource = Pick<AuditInput, 'actor' | 'origin'>;

/** Records an event that changes no data (a download, a catalogue read) in a write of its own. */
export function recordAudit(db: Database, entry: AuditInput): Promise<void> {
	return db.writeAside((conn) => appendAudit(conn, entry));
}

export interface AuditFilter {
	entity?: string;
	entityId?: string;
	/** Entity ids starting with this prefix (e.g. '12/' for every version of assessment 12). */
	entityPrefix?: string;
	limit?: number;
}

/** Entries, newest first, their detail parsed (without where they came from: pages show these). */
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
		`SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT ${limit}`,
		params
	);
	return rows.map(auditRow).map(({ id, at, actor, action, entity, entityId, detail }) => ({
		id,
		at,
		actor,
		action,
		entity,
		entityId,
		detail: detail ? (JSON.parse(detail) as Plain) : null
	}));
}
