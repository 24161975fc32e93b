import type { Handle } from '@sveltejs/kit';
import { LOCALE_COOKIE, resolveLocale } from '$lib/i18n';

/** Locale from the `locale` cookie (zh-CN by default) into locals and `<html lang>`. */
export const handle: Handle = async ({ event, resolve }) => {
	const locale = resolveLocale(event.cookies.get(LOCALE_COOKIE));
	event.locals.locale = locale;
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', locale)
	});
};
