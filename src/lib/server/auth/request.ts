import type { Cookies } from '@sveltejs/kit';
import type { SessionUser } from '$lib/domain/auth/user';
import type { Database } from '../db/connection';
import { systemClock, type Clock } from './clock';
import { resolveSession, SESSION_COOKIE, sessionLimits } from './sessions';
import { resolveToken } from './tokens';

/**
 * Who a request acts as: the user of an `Authorization: Bearer` token (automation), else of the
 * session cookie, else no one. A bearer header that does not resolve means no one, never the cookie.
 */
export async function authenticate(
	db: Database,
	authorization: string | null,
	cookies: Cookies,
	clock: Clock = systemClock
): Promise<SessionUser | null> {
	const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
	if (bearer) return resolveToken(db, bearer[1], clock);
	const secret = cookies.get(SESSION_COOKIE);
	if (!secret) return null;
	const user = await resolveSession(db, secret, clock);
	if (!user) cookies.delete(SESSION_COOKIE, { path: '/' });
	return user;
}

/** The session cookie: script cannot read it, other sites' requests do not carry it, https only under https. */
export function setSessionCookie(cookies: Cookies, secret: string, url: URL): void {
	cookies.set(SESSION_COOKIE, secret, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: Math.floor(sessionLimits().maxMs / 1000)
	});
}

export function clearSessionCookie(cookies: Cookies): void {
	cookies.delete(SESSION_COOKIE, { path: '/' });
}

/** A `next` parameter is followed only to a path of this site: never `//other.site` or `https:…`. */
export function safeNext(next: string | null): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
	return next;
}

/** The client's address for the audit log and the login limiter; null when the adapter cannot tell. */
export function clientAddress(getClientAddress: () => string): string | null {
	try {
		return getClientAddress();
	} catch {
		return null;
	}
}
