/**
 * Who is acting, for the audit log. There are no logins yet, so every web request is 'web'; when
 * sessions arrive this reads the user from `locals`, and every caller already passes it through.
 */
export function actorOf(locals: App.Locals): string {
	void locals;
	return 'web';
}
