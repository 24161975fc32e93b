import type { SessionUser } from '$lib/domain/auth/user';
import { appendAudit } from '../audit/log';
import type { Database } from '../db/connection';
import { systemClock, type Clock } from './clock';
import { decoyHash, verifyPassword } from './passwords';
import { loginKeys, loginLimiter, type LoginLimiter } from './rate-limit';
import { endSession, endUserSessions, startSession, type Client } from './sessions';
import { findUser } from './users';

export type LoginOutcome =
	| { ok: true; secret: string; user: SessionUser }
	| { ok: false; reason: 'bad' }
	| { ok: false; reason: 'limited'; retryAfter: number };

/**
 * Checks a name and password and starts a session. A wrong password, an unknown name and a disabled
 * user are one answer ('bad'), and an unknown name costs the same hashing time, so neither the words
 * nor the timing tell which names exist. Every attempt is in the audit log with its address.
 */
export async function logIn(
	db: Database,
	credentials: { name: string; password: string },
	client: Client,
	options: { clock?: Clock; limiter?: LoginLimiter } = {}
): Promise<LoginOutcome> {
	const clock = options.clock ?? systemClock;
	const limiter = options.limiter ?? loginLimiter;
	const name = credentials.name.trim().slice(0, 64);
	const keys = loginKeys(name, client.address);
	const audit = (action: string, detail: unknown) =>
		db.writeAside((conn) =>
			appendAudit(conn, {
				actor: name || '-',
				action,
				entity: 'user',
				entityId: name,
				detail,
				origin: client.address
			})
		);
	const retryAfter = limiter.retryAfter(keys);
	if (retryAfter > 0) {
		await audit('user.login_refused', { retryAfter });
		return { ok: false, reason: 'limited', retryAfter };
	}
	const user = await findUser(db, name);
	const matches = await verifyPassword(user?.passwordHash ?? (await decoyHash()), credentials.password);
	if (!user || !matches || user.disabledAt !== null) {
		limiter.fail(keys);
		await audit('user.login_failed', {
			reason: !user ? 'unknown name' : !matches ? 'wrong password' : 'disabled'
		});
		return { ok: false, reason: 'bad' };
	}
	limiter.clear(keys[0]);
	const secret = await db.writeAside(async (conn) => {
		const made = await startSession(conn, user.id, client, clock());
		await appendAudit(conn, {
			actor: user.name,
			action: 'user.login',
			entity: 'user',
			entityId: user.name,
			detail: { userAgent: client.userAgent },
			origin: client.address
		});
		return made;
	});
	return { ok: true, secret, user: { id: user.id, name: user.name, role: user.role, scope: user.scope } };
}

/** Ends this session, or with `everywhere` every session of the user; audited either way. */
export async function logOut(
	db: Database,
	user: SessionUser,
	secret: string | undefined,
	everywhere: boolean,
	address: string | null
): Promise<void> {
	await db.writeAside(async (conn) => {
		const ended = everywhere
			? await endUserSessions(conn, user.id)
			: secret
				? (await endSession(conn, secret), 1)
				: 0;
		await appendAudit(conn, {
			actor: user.name,
			action: everywhere ? 'user.logout_all' : 'user.logout',
			entity: 'user',
			entityId: user.name,
			detail: { sessionsEnded: ended },
			origin: address
		});
	});
}
