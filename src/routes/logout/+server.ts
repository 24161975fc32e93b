import { redirect } from '@sveltejs/kit';
import { logOut } from '$lib/server/auth/login';
import { clearSessionCookie, clientAddress } from '$lib/server/auth/request';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import type { RequestHandler } from './$types';

/** Ends this session (`everywhere=1`: every session of the user) and goes to the login form. */
export const POST: RequestHandler = async ({ locals, cookies, request, url, getClientAddress }) => {
	const everywhere = (await request.formData().catch(() => null))?.get('everywhere') === '1';
	if (locals.user)
		await logOut(
			locals.db,
			locals.user,
			cookies.get(SESSION_COOKIE),
			everywhere,
			clientAddress(getClientAddress)
		);
	clearSessionCookie(cookies, url);
	redirect(303, '/login');
};
