import { NO_SCOPE, type SessionUser, type UserScope } from '$lib/domain/auth/user';
import { clientAddress } from '../auth/request';

/** Who is acting, for the audit log: the signed-in user's name ('web' only if a route let no one in). */
export function actorOf(locals: App.Locals): string {
	return locals.user?.name ?? 'web';
}

/** Who acts and from which address, for an audit entry written on behalf of a request. */
export function auditSource(event: { locals: App.Locals; getClientAddress(): string }): {
	actor: string;
	origin: string | null;
} {
	return { actor: actorOf(event.locals), origin: clientAddress(() => event.getClientAddress()) };
}

/** The scope of the signed-in user (whole company only if a route let no one in). */
export function scopeOf(locals: App.Locals): UserScope {
	return locals.user?.scope ?? NO_SCOPE;
}

/** Who makes or changes a report schedule: the signed-in user, who owns what they make. */
export function scheduleActor(locals: App.Locals): SessionUser | string {
	return locals.user ?? actorOf(locals);
}
