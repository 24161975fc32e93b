import type { SessionUser } from '$lib/domain/auth/user';
import { settings } from '../config';
import type { Database } from '../db/connection';
import { keptAccessRow } from '../metrics/cache';
import type { Sql } from '../db/sql';
import { atMs, msOf, type Clock } from './clock';
import { newSecret, secretHash } from './secrets';
import { userFromRow } from './user-row';

/** The session cookie's name; its value is the secret whose hash the sessions table keeps. */
export const SESSION_COOKIE = 'workbench_session';

/** A session's last use is written at most this often: an idle timeout of hours needs no finer grain. */
export const TOUCH_INTERVAL_MS = 60_000;

export interface SessionLimits {
	idleMs: number;
	maxMs: number;
}

const HOUR = 3_600_000;

/** WORKBENCH_SESSION_IDLE_HOURS and WORKBENCH_SESSION_MAX_DAYS as milliseconds. */
export function sessionLimits(): SessionLimits {
	const { WORKBENCH_SESSION_IDLE_HOURS, WORKBENCH_SESSION_MAX_DAYS } = settings();
	return { idleMs: WORKBENCH_SESSION_IDLE_HOURS * HOUR, maxMs: WORKBENCH_SESSION_MAX_DAYS * 24 * HOUR };
}

export interface Client {
	address: string | null;
	userAgent: string | null;
}

/**
 * A new session for a user who just proved who they are, on the caller's write transaction. The id is
 * always new (never one the browser offered), so a session id planted before login is worth nothing.
 */
export async function startSession(conn: Sql, userId: number, client: Client, now: number): Promise<string> {
	const secret = newSecret();
	await conn.run(
		`INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, address, user_agent)
		 VALUES ($1, $2, ${atMs('$3')}, ${atMs('$3')}, $4, $5)`,
		[secretHash(secret), userId, now, client.address, client.userAgent?.slice(0, 300) ?? null]
	);
	return secret;
}

/**
 * The user of a live session, or null. A session past its idle or absolute limit, or of a disabled
 * user, is deleted on sight.
 */
export async function resolveSession(
	db: Database,
	secret: string,
	clock: Clock,
	limits: SessionLimits = sessionLimits()
): Promise<SessionUser | null> {
	const idHash = secretHash(secret);
	const row = await keptAccessRow(db, `session:${idHash}`, async () => {
		const [found] = await db.query(
			`SELECT u.id, u.name, u.role, u.scope_regions, u.scope_models, ${msOf('u.created_at')} AS created_ms,
				${msOf('u.disabled_at')} AS disabled_ms, ${msOf('s.created_at')} AS started_ms,
				${msOf('s.last_seen_at')} AS seen_ms
			 FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = $1`,
			[idHash]
		);
		return found;
	});
	if (!row) return null;
	const now = clock();
	const seen = Number(row.seen_ms);
	const user = userFromRow(row);
	if (user.disabledAt !== null || now - seen > limits.idleMs || now - Number(row.started_ms) > limits.maxMs) {
		await db.writeAside((conn) => conn.run('DELETE FROM sessions WHERE id_hash = $1', [idHash]));
		return null;
	}
	if (now - seen >= TOUCH_INTERVAL_MS) {
		// The kept row learns the touch first, so requests arriving meanwhile do not touch again.
		row.seen_ms = now;
		await db.writeAside(
			(conn) =>
				conn.run(`UPDATE sessions SET last_seen_at = ${atMs('$1')} WHERE id_hash = $2`, [now, idHash]),
			{ touch: true }
		);
	}
	return { id: user.id, name: user.name, role: user.role, scope: user.scope };
}

/** Ends one session (logout); an unknown id is no error. */
export async function endSession(conn: Sql, secret: string): Promise<void> {
	await conn.run('DELETE FROM sessions WHERE id_hash = $1', [secretHash(secret)]);
}

/** Ends every session of a user (log out everywhere, new password, disabled); returns how many. */
export async function endUserSessions(conn: Sql, userId: number): Promise<number> {
	const [count] = await conn.numbers('SELECT count(*) FROM sessions WHERE user_id = $1', [userId]);
	await conn.run('DELETE FROM sessions WHERE user_id = $1', [userId]);
	return count;
}
