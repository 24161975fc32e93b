/** Who is acting, for the audit log: the signed-in user's name ('web' only if a route let no one in). */
export function actorOf(locals: App.Locals): string {
	return locals.user?.name ?? 'web';
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
