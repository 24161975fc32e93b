import type { Database } from '../db/connection';
import { entryHash } from './chain';

export interface AuditVerification {
	entries: number;
	/** Entries written before the chain existed (schema 6): listed, not checked. */
	unchained: number;
	/** The first entry whose hash or link does not hold, and why; null when the chain is whole. */
	broken: { id: number; reason: 'hash' | 'link' | 'missing-hash' } | null;
	/**
	 * The newest entry and its hash when the chain is whole. A chain cannot tell that entries were cut
	 * from its end: noted elsewhere, this shows it (that entry later missing or with another hash).
	 */
	last: { id: number; hash: string } | null;
}

/**
 * Walks the audit log in id order and recomputes every entry's hash: an entry changed in place fails
 * its own hash; one removed (or inserted) fails the link of the entry after it. Entries from before
 * the chain carry no hash and may only come first.
 */
export async function verifyAudit(db: Database): Promise<AuditVerification> {
	const rows = await db.query(
		`SELECT id, strftime("at", '%Y-%m-%d %H:%M:%S.%f') AS at, actor, action, entity, entity_id,
			CAST(detail AS VARCHAR) AS detail, origin, prev_hash, hash
		 FROM audit_log ORDER BY id`
	);
	let previous: string | null = null;
	let chained = false;
	let unchained = 0;
	let last: AuditVerification['last'] = null;
	for (const r of rows) {
		const id = Number(r.id);
		const hash = r.hash === null ? null : String(r.hash);
		if (hash === null) {
			if (chained)
				return { entries: rows.length, unchained, broken: { id, reason: 'missing-hash' }, last: null };
			unchained++;
			continue;
		}
		chained = true;
		const prevHash = r.prev_hash === null ? null : String(r.prev_hash);
		if (prevHash !== previous)
			return { entries: rows.length, unchained, broken: { id, reason: 'link' }, last: null };
		const expected = entryHash({
			id,
			at: String(r.at),
			actor: String(r.actor),
			action: String(r.action),
			entity: String(r.entity),
			entityId: r.entity_id === null ? null : String(r.entity_id),
			detail: String(r.detail),
			origin: r.origin === null ? null : String(r.origin),
			prevHash
		});
		if (expected !== hash)
			return { entries: rows.length, unchained, broken: { id, reason: 'hash' }, last: null };
		previous = hash;
		last = { id, hash };
	}
	return { entries: rows.length, unchained, broken: null, last };
}
