import { createHash } from 'node:crypto';
import type { AuditEntry } from '$lib/domain/assessment/api';

/**
 * The fields an entry's hash covers, in a fixed order: the entry as the log shows it, its detail as the
 * JSON text stored, where it came from, and the previous entry's hash.
 */
export type ChainedFields = Pick<AuditEntry, 'id' | 'at' | 'actor' | 'action' | 'entity' | 'entityId'> & {
	detail: string;
	origin: string | null;
	prevHash: string | null;
};

export function entryHash(f: ChainedFields): string {
	const text = JSON.stringify([
		f.id,
		f.at,
		f.actor,
		f.action,
		f.entity,
		f.entityId,
		f.detail,
		f.origin,
		f.prevHash
	]);
	return createHash('sha256').update(text).digest('hex');
}
