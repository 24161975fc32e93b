import { createHash } from 'node:crypto';

/** The fields an entry's hash covers, in a fixed order, with the previous entry's hash. */
export interface ChainedFields {
	id: number;
	at: string;
	actor: string;
	action: string;
	entity: string;
	entityId: string | null;
	detail: string;
	origin: string | null;
	prevHash: string | null;
}

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
