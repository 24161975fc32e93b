import type { SessionUser } from '$lib/domain/auth/user';
import { appendAudit } from '../audit/log';
import type { Database } from '../db/connection';
import { systemClock, type Clock } from './clock';
import { decoyHash, verifyPassword } from './passwords';
import { loginKeys, loginLimiter, type LoginLimiter } from './rate-limit';
import { endSession, endUserSessions, startSession, type Client } from './sessions';
import { findUser, type UserRecord } from './users';

export type LoginOutcome =
	| { ok: true; secret: string; user: SessionUser }
	| { ok: false; reason: 'bad' }
	| { ok: false; reason: 'limited'; retryAfter: number };

type Refusal = Extract<LoginOutcome, { ok: false }>;

/** What a password is checked for: signing in, or confirming who is at the keyboard before a change. */
type Purpose = 'login' | 'reauth';

/**
 * Checks a name's password under the login limiter, so a stolen session guessing the current password
 * is held to the same pace as the login form. A wrong password, an unknown name and a disabled user
 * are one answer ('bad'), and an unknown name costs the same hashing time, so neither the words nor
 * the timing tell which names exist. Every refused or failed attempt is in the audit log.
 */
async function verifyAttempt(
	db: Database,
	credentials: { name: string; password: string },
	client: Client,
	purpose: Purpose,
	limiter: LoginLimiter
): Promise<{ ok: true; user: UserRecord } | Refusal> {
	const name = credentials.name.trim().slice(0, 64);
	const keys = loginKeys(name, client.address);
	const audit = (outcome: 'refused' | 'failed', detail: unknown) =>
		db.writeAside((conn) =>
			appendAudit(conn, {
				actor: name || '-',
				action: `user.${purpose}_${outcome}`,
				entity: 'user',
				entityId: name,
				detail,
				origin: client.address
			})
		);
	const retryAfter = limiter.retryAfter(keys);
	if (retryAfter > 0) {
		await audit('refused', { retryAfter });
		return { ok: false, reason: 'limited', retryAfter };
	}
	const user = await findUser(db, name);
	const matches = await verifyPassword(user?.passwordHash ?? (await decoyHash()), credentials.password);
	if (!user || !matches || user.disabledAt !== null) {
		limiter.fail(keys);
		await audit('failed', { reason: !user ? 'unknown name' : !matches ? 'wrong password' : 'disabled' });
		return { ok: false, reason: 'bad' };
	}
	limiter.clear(keys[0]);
	return { ok: true, user };
}

/** Checks a name and password (verifyAttempt) and starts a session; the login is audited too. */
export async function logIn(
	db: Database,
	credentials: { name: string; password: string },
	client: Client,
	options: { clock?: Clock; limiter?: LoginLimiter } = {}
): Promise<LoginOutcome> {
	const clock = options.clock ?? systemClock;
	const checked = await verifyAttempt(db, credentials, client, 'login', options.limiter ?? loginLimiter);
	if (!checked.ok) return checked;
	const { user } = checked;
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

/** A signed-in user's current password, checked as a login is before it may be changed. */
export async function confirmPassword(
	db: Database,
	credentials: { name: string; password: string },
	client: Client,
	limiter: LoginLimiter = loginLimiter
): Promise<{ ok: true } | Refusal> {
	const checked = await verifyAttempt(db, credentials, client, 'reauth', limiter);
	return checked.ok ? { ok: true } : checked;
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
