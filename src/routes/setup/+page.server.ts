import { fail, redirect } from '@sveltejs/kit';
import { UserError } from '$lib/domain/errors';
import { logIn } from '$lib/server/auth/login';
import { clientAddress, setSessionCookie } from '$lib/server/auth/request';
import { addFirstAdmin } from '$lib/server/auth/users';
import type { Actions } from './$types';

// The policy lets this route through only while no user exists (hooks.server.ts); afterwards it is a 404.
export const actions: Actions = {
	default: async ({ request, locals, cookies, url, getClientAddress }) => {
		const data = await request.formData();
		const name = String(data.get('name') ?? '').trim();
		const password = String(data.get('password') ?? '');
		const address = clientAddress(getClientAddress);
		try {
			await addFirstAdmin(locals.db, name, password, address);
		} catch (error) {
			if (error instanceof UserError) return fail(400, { name, message: error.in(locals.locale) });
			throw error;
		}
		const outcome = await logIn(
			locals.db,
			{ name, password },
			{ address, userAgent: request.headers.get('user-agent') }
		);
		if (outcome.ok) setSessionCookie(cookies, outcome.secret, url);
		redirect(303, '/');
	}
};
