import type { Handle, ServerInit } from '@sveltejs/kit';
import { createT, LOCALE_COOKIE, resolveLocale } from '$lib/i18n';
import { settings } from '$lib/server/config';
import { getDatabase } from '$lib/server/db/connection';
import { hostAllowed, originAllowed, secureHeaders } from '$lib/server/http/guard';
import { startServer } from '$lib/server/startup';

/** Once, before the first request: the temp files of a killed earlier run are removed. */
export const init: ServerInit = startServer;

/**
 * Every request passes here: the Host and Origin checks, the locale from the `locale` cookie (zh-CN
 * by default) into locals and `<html lang>`, the database the route's server modules work on, and
 * the security headers of every response.
 */
export const handle: Handle = async ({ event, resolve }) => {
	const locale = resolveLocale(event.cookies.get(LOCALE_COOKIE));
	const t = createT(locale);
	const { ORIGIN, WORKBENCH_ALLOWED_HOSTS } = settings();
	let response: Response;
	if (!hostAllowed(event.request.headers.get('host'), ORIGIN, WORKBENCH_ALLOWED_HOSTS)) {
		response = new Response(t('api.hostRefused'), { status: 421 });
	} else if (!originAllowed(event.request.method, event.request.headers.get('origin'), event.url.origin)) {
		response = new Response(t('api.originRefused', { origin: event.request.headers.get('origin') ?? '' }), {
			status: 403
		});
	} else {
		event.locals.locale = locale;
		event.locals.db = await getDatabase();
		event.locals.user = null;
		response = await resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%lang%', locale)
		});
	}
	secureHeaders(response.headers);
	return response;
};
