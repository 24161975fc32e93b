import type { AuditEntry } from '$lib/domain/assessment/api';
import type { PlainRow } from '../db/values';

/** How the audit log's entries are read: the one column list and row mapping of its readers. */

/** The columns a read of the log selects, in the shape auditRow maps. */
export const AUDIT_COLUMNS = `id, strftime("at", '%Y-%m-%d %H:%M:%S') AS at, actor, action, entity, entity_id,
	origin, CAST(detail AS VARCHAR) AS detail`;

/** An entry as read, its detail as the JSON text it is stored as. */
export interface AuditRow extends Omit<AuditEntry, 'detail'> {
	origin: string | null;
	detail: string;
}

/** A row of AUDIT_COLUMNS as an entry. */
export function auditRow(r: PlainRow): AuditRow {
	return {
		id: Number(r.id),
		at: String(r.at),
		actor: String(r.actor),
		action: String(r.action),
		entity: String(r.entity),
		entityId: r.entity_id === null ? null : String(r.entity_id),
		origin: r.origin === null ? null : String(r.origin),
		detail: r.detail === null ? '' : String(r.detail)
	};
}
