import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { createT } from '$lib/i18n';
import { logIn } from '$lib/server/auth/login';
import { clientAddress, safeNext, setSessionCookie } from '$lib/server/auth/request';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
	return { next: safeNext(url.searchParams.get('next')) };
};

const form = z.object({
	name: z.string().max(200).catch(''),
	password: z.string().max(1000).catch(''),
	next: z.string().max(2000).catch('/')
});

export const actions: Actions = {
	default: async ({ request, locals, cookies, url, getClientAddress, setHeaders }) => {
		const data = await request.formData();
		const input = form.parse(Object.fromEntries(['name', 'password', 'next'].map((k) => [k, data.get(k)])));
		const t = createT(locals.locale);
		const outcome = await logIn(
			locals.db,
			{ name: input.name, password: input.password },
			{ address: clientAddress(getClientAddress), userAgent: request.headers.get('user-agent') }
		);
		if (!outcome.ok) {
			if (outcome.reason === 'bad') return fail(400, { name: input.name, message: t('auth.login.bad') });
			setHeaders({ 'retry-after': String(outcome.retryAfter) });
			return fail(429, {
				name: input.name,
				message: t('auth.login.limited', { minutes: Math.ceil(outcome.retryAfter / 60) })
			});
		}
		setSessionCookie(cookies, outcome.secret, url);
		redirect(303, safeNext(input.next));
	}
};
