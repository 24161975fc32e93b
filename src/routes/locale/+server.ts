import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { createT, LOCALE_COOKIE, LOCALES } from '$lib/i18n';
import { safeNext } from '$lib/server/auth/request';
import type { RequestHandler } from './$types';

const form = z.object({
	locale: z.enum(LOCALES),
	redirectTo: z.string().max(2000).transform(safeNext).catch('/')
});

/** The language switch without JavaScript: sets the cookie and goes back to the page. */
export const POST: RequestHandler = async ({ request, cookies, locals }) => {
	const data = await request.formData().catch(() => null);
	if (!data) error(400, createT(locals.locale)('system.formExpected'));
	const parsed = form.safeParse({ locale: data.get('locale'), redirectTo: data.get('redirectTo') ?? '/' });
	const locale = parsed.success ? parsed.data.locale : 'zh-CN';
	cookies.set(LOCALE_COOKIE, locale, {
		path: '/',
		maxAge: 60 * 60 * 24 * 365,
		httpOnly: false,
		sameSite: 'lax',
		// Not secret; and adapter-node without ORIGIN believes every request is https, so a
		// `secure` decision from url.protocol would lose the cookie on plain-http LAN installs.
		secure: false
	});
	redirect(303, parsed.success ? parsed.data.redirectTo : '/');
};
