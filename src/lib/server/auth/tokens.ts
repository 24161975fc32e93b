import { UserError } from '$lib/domain/errors';
import type { SessionUser } from '$lib/domain/auth/user';
import { appendAudit } from '../audit/log';
import type { Database } from '../db/connection';
import { keptAccessRow } from '../metrics/cache';
import { atMs, msOf, systemClock, type Clock } from './clock';
import { newSecret, secretHash } from './secrets';
import { TOUCH_INTERVAL_MS } from './sessions';
import { userFromRow, type UserRecord } from './user-row';
import type { Actor } from './users';

/** Every token starts so, which makes a leaked one easy to find in logs and by secret scanners. */
export const TOKEN_START = 'wbt_';
/** How much of a token its lists show: enough to tell tokens apart, far too little to use. */
const SHOWN = TOKEN_START.length + 6;

export interface TokenRecord {
	id: number;
	userName: string;
	label: string;
	prefix: string;
	createdAt: number;
	lastUsedAt: number | null;
	revokedAt: number | null;
}

/**
 * A new token for a user; the token itself is returned this once and only its hash is kept. A disabled
 * user gets none: resolveToken would refuse it, and a token made for later would work unnoticed the day
 * the user is enabled again.
 */
export async function addToken(
	db: Database,
	user: UserRecord,
	label: string,
	actor: Actor,
	clock: Clock = systemClock
): Promise<{ id: number; token: string; prefix: string }> {
	const trimmed = label.trim();
	if (!trimmed || trimmed.length > 100) throw new UserError('auth.badLabel');
	const token = `${TOKEN_START}${newSecret()}`;
	const prefix = token.slice(0, SHOWN);
	const id = await db.writeAside(async (conn) => {
		const [disabled] = await conn.numbers(
			'SELECT count(*) FROM users WHERE id = $1 AND disabled_at IS NOT NULL',
			[user.id]
		);
		if (disabled) throw new UserError('auth.tokenForDisabled', { name: user.name });
		const [next] = await conn.numbers("SELECT nextval('api_token_seq')");
		await conn.run(
			`INSERT INTO api_tokens (id, user_id, label, token_hash, prefix, created_at)
			 VALUES ($1, $2, $3, $4, $5, ${atMs('$6')})`,
			[next, user.id, trimmed, secretHash(token), prefix, clock()]
		);
		await appendAudit(conn, {
			actor: actor.name,
			action: 'token.add',
			entity: 'api_token',
			entityId: next,
			detail: { user: user.name, label: trimmed, prefix },
			origin: actor.origin
		});
		return next;
	});
	return { id, token, prefix };
}

/** Tokens, newest first; of one user when userId is given. */
export async function listTokens(db: Database, userId?: number): Promise<TokenRecord[]> {
	const rows = await db.query(
		`SELECT t.id, u.name AS user_name, t.label, t.prefix, ${msOf('t.created_at')} AS created_ms,
			${msOf('t.last_used_at')} AS used_ms, ${msOf('t.revoked_at')} AS revoked_ms
		 FROM api_tokens t JOIN users u ON u.id = t.user_id
		 WHERE $1 IS NULL OR t.user_id = $1 ORDER BY t.id DESC`,
		[userId ?? null]
	);
	const ms = (value: unknown) => (value === null ? null : Number(value));
	return rows.map((r) => ({
		id: Number(r.id),
		userName: String(r.user_name),
		label: String(r.label),
		prefix: String(r.prefix),
		createdAt: Number(r.created_ms),
		lastUsedAt: ms(r.used_ms),
		revokedAt: ms(r.revoked_ms)
	}));
}

/**
 * Revokes a token. With `ownerId` (a user managing their own tokens) a token of someone else is
 * reported as unknown, exactly like one that does not exist.
 */
export async function revokeToken(
	db: Database,
	id: number,
	actor: Actor,
	options: { ownerId?: number; clock?: Clock } = {}
): Promise<void> {
	await db.writeAside(async (conn) => {
		const [row] = await conn.all(
			'SELECT t.user_id, u.name, t.revoked_at FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.id = $1',
			[id]
		);
		if (!row || (options.ownerId !== undefined && Number(row.user_id) !== options.ownerId))
			throw new UserError('auth.noSuchToken', { id });
		if (row.revoked_at !== null) return;
		await conn.run(`UPDATE api_tokens SET revoked_at = ${atMs('$1')} WHERE id = $2`, [
			(options.clock ?? systemClock)(),
			id
		]);
		await appendAudit(conn, {
			actor: actor.name,
			action: 'token.revoke',
			entity: 'api_token',
			entityId: id,
			detail: { user: String(row.name) },
			origin: actor.origin
		});
	});
}

/**
 * The user an `Authorization: Bearer` token acts as, or null for an unknown, revoked or malformed
 * token or a disabled user. Its last use is written at most once a minute.
 */
export async function resolveToken(
	db: Database,
	token: string,
	clock: Clock = systemClock
): Promise<SessionUser | null> {
	if (!token.startsWith(TOKEN_START) || token.length > 200) return null;
	const hash = secretHash(token);
	const row = await keptAccessRow(db, `token:${hash}`, async () => {
		const [found] = await db.query(
			`SELECT u.id, u.name, u.role, u.scope_regions, u.scope_models, ${msOf('u.created_at')} AS created_ms,
				${msOf('u.disabled_at')} AS disabled_ms, ${msOf('t.last_used_at')} AS used_ms, t.id AS token_id
			 FROM api_tokens t JOIN users u ON u.id = t.user_id
			 WHERE t.token_hash = $1 AND t.revoked_at IS NULL`,
			[hash]
		);
		return found;
	});
	if (!row) return null;
	const user = userFromRow(row);
	if (user.disabledAt !== null) return null;
	const now = clock();
	if (row.used_ms === null || now - Number(row.used_ms) >= TOUCH_INTERVAL_MS) {
		// The kept row learns the touch first, so requests arriving meanwhile do not touch again.
		row.used_ms = now;
		await db.writeAside(
			(conn) =>
				conn.run(`UPDATE api_tokens SET last_used_at = ${atMs('$1')} WHERE id = $2`, [
					now,
					Number(row.token_id)
				]),
			{ touch: true }
		);
	}
	return { id: user.id, name: user.name, role: user.role, scope: user.scope };
}
