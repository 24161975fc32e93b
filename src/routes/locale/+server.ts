import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { LOCALE_COOKIE, LOCALES } from '$lib/i18n';
import type { RequestHandler } from './$types';

const form = z.object({
	locale: z.enum(LOCALES),
	// Only paths on this site: no scheme, no protocol-relative '//host'.
	redirectTo: z
		.string()
		.regex(/^\/(?![/\\])/)
		.max(2000)
		.catch('/')
});

/** The language switch without JavaScript: sets the cookie and goes back to the page. */
export const POST: RequestHandler = async ({ request, cookies }) => {
	const data = await request.formData();
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
