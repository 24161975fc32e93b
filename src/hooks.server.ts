import type { Handle, ServerInit } from '@sveltejs/kit';
import { LOCALE_COOKIE, resolveLocale } from '$lib/i18n';
import { getDatabase } from '$lib/server/db/connection';
import { startServer } from '$lib/server/startup';

/** Once, before the first request: the temp files of a killed earlier run are removed. */
export const init: ServerInit = startServer;

/**
 * Every request passes here: the locale from the `locale` cookie (zh-CN by default) into locals and
 * `<html lang>`, and the database the route's server modules work on.
 */
export const handle: Handle = async ({ event, resolve }) => {
	const locale = resolveLocale(event.cookies.get(LOCALE_COOKIE));
	event.locals.locale = locale;
	event.locals.db = await getDatabase();
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', locale)
	});
};
