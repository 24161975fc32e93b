import type { Role, SessionUser, UserScope } from '$lib/domain/auth/user';
import type { PlainRow } from '../db/values';
import { msOf } from './clock';

export interface UserRecord extends SessionUser {
	createdAt: number;
	disabledAt: number | null;
}

export const USER_COLUMNS = `id, name, role, scope_regions, scope_models, ${msOf('created_at')} AS created_ms,
	${msOf('disabled_at')} AS disabled_ms`;

const texts = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/**
 * The scope held by a row's `scope_regions` and `scope_models` lists (a user's, a stored report's, a
 * schedule owner's); NULL or empty, not limited on that dimension.
 */
export const scopeFromRow = (row: PlainRow): UserScope => ({
	regions: texts(row.scope_regions),
	models: texts(row.scope_models)
});

/** A users row (selected with the columns above) as a record. */
export function userFromRow(row: PlainRow): UserRecord {
	return {
		id: Number(row.id),
		name: String(row.name),
		role: row.role as Role,
		scope: scopeFromRow(row),
		createdAt: Number(row.created_ms),
		disabledAt: row.disabled_ms === null ? null : Number(row.disabled_ms)
	};
}
