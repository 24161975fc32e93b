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
	url: URL,
	clock: Clock = systemClock
): Promise<SessionUser | null> {
	const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
	if (bearer) return resolveToken(db, bearer[1], clock);
	const secret = cookies.get(SESSION_COOKIE);
	if (!secret) return null;
	const user = await resolveSession(db, secret, clock);
	if (!user) clearSessionCookie(cookies, url);
	return user;
}

/**
 * The session cookie's attributes: script cannot read it, other sites' requests do not carry it, https
 * only under https — set and deleted alike, since a browser ignores a Secure deletion sent over http.
 */
const sessionCookie = (url: URL) => ({
	path: '/',
	httpOnly: true,
	sameSite: 'lax' as const,
	secure: url.protocol === 'https:'
});

export function setSessionCookie(cookies: Cookies, secret: string, url: URL): void {
	cookies.set(SESSION_COOKIE, secret, {
		...sessionCookie(url),
		maxAge: Math.floor(sessionLimits().maxMs / 1000)
	});
}

export function clearSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(SESSION_COOKIE, sessionCookie(url));
}

const SITE = 'http://workbench.invalid';

/**
 * Where a `next` or `redirectTo` parameter may send the browser: a path of this site, as the browser
 * would read it (it drops tabs and newlines, so `/\t/evil.example` is `//evil.example`), else `/`.
 */
export function safeNext(next: string | null | undefined): string {
	if (!next?.startsWith('/')) return '/';
	try {
		const url = new URL(next, SITE);
		return url.origin === SITE ? url.pathname + url.search + url.hash : '/';
	} catch {
		return '/';
	}
}

/** The client's address for the audit log and the login limiter; null when the adapter cannot tell. */
export function clientAddress(getClientAddress: () => string): string | null {
	try {
		return getClientAddress();
	} catch {
		return null;
	}
}
