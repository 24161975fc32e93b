/**
 * Who is acting, for the audit log. There are no logins yet, so every web request is 'web'; when
 * sessions arrive this reads the user from `locals`, and every caller already passes it through.
 */
export function actorOf(locals: App.Locals): string {
	void locals;
	return 'web';
}

/** Who acts and from which address, for an audit entry written on behalf of a request. */
export function auditSource(event: { locals: App.Locals; getClientAddress(): string }): {
	actor: string;
	origin: string | null;
} {
	let origin: string | null;
	try {
		origin = event.getClientAddress();
	} catch {
		// Requests made inside the server (prerender, tests through `server.respond`) have no address.
		origin = null;
	}
	return { actor: actorOf(event.locals), origin };
}
