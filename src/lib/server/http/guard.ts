/**
 * What every request passes before any route: a Host the server answers to, an Origin that is its own
 * on requests that change something, and the headers that keep its pages out of other sites' frames
 * and its files from being sniffed into something else.
 */

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Is this Host header one the server answers to? With ORIGIN set, its host (and any extra allowed
 * hosts); without it, only loopback names, so a DNS-rebinding page cannot reach a server started by
 * hand on a developer's machine.
 */
export function hostAllowed(
	host: string | null,
	origin: string | undefined,
	extra: readonly string[]
): boolean {
	if (!host) return false;
	const wanted = host.toLowerCase();
	if (extra.includes(wanted)) return true;
	if (origin) return new URL(origin).host.toLowerCase() === wanted;
	return LOOPBACK.has(new URL(`http://${wanted}`).hostname);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * May a request with this method and Origin header change state here? Browsers send Origin on every
 * cross-site request that can change state, so one naming another site is refused; clients that send
 * none (the CLI, scripts) are not browsers riding on a user's session.
 */
export function originAllowed(method: string, origin: string | null, own: string): boolean {
	return SAFE_METHODS.has(method) || origin === null || origin === own;
}

/** Headers of every response; pages get their script policy from SvelteKit (kit.csp). */
const HEADERS: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'same-origin',
	'x-frame-options': 'DENY',
	'cross-origin-opener-policy': 'same-origin',
	'permissions-policy': 'camera=(), microphone=(), geolocation=()'
};

/** A response without a policy of its own (JSON, downloads) may load nothing and be framed by no one. */
const NO_CONTENT_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

export function secureHeaders(headers: Headers): void {
	for (const [name, value] of Object.entries(HEADERS)) if (!headers.has(name)) headers.set(name, value);
	if (!headers.has('content-security-policy')) headers.set('content-security-policy', NO_CONTENT_POLICY);
}
