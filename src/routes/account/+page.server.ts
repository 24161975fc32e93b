import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { UserError } from '$lib/domain/errors';
import { createT } from '$lib/i18n';
import { confirmPassword, logIn } from '$lib/server/auth/login';
import { clientAddress, setSessionCookie } from '$lib/server/auth/request';
import { addToken, listTokens, revokeToken } from '$lib/server/auth/tokens';
import { requireUser, setPassword } from '$lib/server/auth/users';
import type { Actions, PageServerLoad } from './$types';

/** The signed-in user (the policy lets no one else here). */
function me(locals: App.Locals) {
	if (!locals.user) error(401);
	return locals.user;
}

export const load: PageServerLoad = async ({ locals }) => ({
	me: me(locals),
	tokens: await listTokens(locals.db, me(locals).id)
});

/** A user's own changes: their failures are the user's to read, in their language. */
async function attempt<T>(locals: App.Locals, run: () => Promise<T>) {
	try {
		return await run();
	} catch (e) {
		if (e instanceof UserError) return fail(400, { message: e.in(locals.locale) });
		throw e;
	}
}

export const actions: Actions = {
	password: async ({ request, locals, cookies, url, getClientAddress, setHeaders }) => {
		const user = me(locals);
		const data = await request.formData();
		const current = String(data.get('current') ?? '');
		const next = String(data.get('password') ?? '');
		const address = clientAddress(getClientAddress);
		const t = createT(locals.locale);
		const check = await confirmPassword(
			locals.db,
			{ name: user.name, password: current },
			{ address, userAgent: request.headers.get('user-agent') }
		);
		if (!check.ok && check.reason === 'bad') return fail(400, { message: t('auth.account.wrongCurrent') });
		if (!check.ok) {
			setHeaders({ 'retry-after': String(check.retryAfter) });
			return fail(429, { message: t('auth.login.limited', { minutes: Math.ceil(check.retryAfter / 60) }) });
		}
		return attempt(locals, async () => {
			await setPassword(
				locals.db,
				await requireUser(locals.db, user.name),
				next,
				{ name: user.name, origin: address },
				'user.password'
			);
			// Every session ended with the old password; this browser gets a new one.
			const outcome = await logIn(
				locals.db,
				{ name: user.name, password: next },
				{ address, userAgent: request.headers.get('user-agent') }
			);
			if (outcome.ok) setSessionCookie(cookies, outcome.secret, url);
			return { message: createT(locals.locale)('auth.account.changed') };
		});
	},
	addToken: async ({ request, locals, getClientAddress }) => {
		const user = me(locals);
		const label = String((await request.formData()).get('label') ?? '');
		return attempt(locals, async () => {
			const made = await addToken(locals.db, await requireUser(locals.db, user.name), label, {
				name: user.name,
				origin: clientAddress(getClientAddress)
			});
			return { token: made.token };
		});
	},
	revokeToken: async ({ request, locals, getClientAddress }) => {
		const user = me(locals);
		const id = z.coerce
			.number()
			.int()
			.positive()
			.catch(0)
			.parse((await request.formData()).get('id'));
		return attempt(locals, async () => {
			await revokeToken(
				locals.db,
				id,
				{ name: user.name, origin: clientAddress(getClientAddress) },
				{ ownerId: user.id }
			);
			return {};
		});
	}
};
