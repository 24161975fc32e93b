/** Who is acting, for the audit log: the signed-in user's name ('web' only if a route let no one in). */
export function actorOf(locals: App.Locals): string {
	return locals.user?.name ?? 'web';
}
