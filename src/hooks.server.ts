import { json, type Handle, type RequestEvent, type ServerInit } from '@sveltejs/kit';
import { createT, LOCALE_COOKIE, resolveLocale, type Translate } from '$lib/i18n';
import { decide } from '$lib/server/auth/policy';
import { fromOrigin } from '$lib/server/audit/origin';
import { authenticate, clientAddress } from '$lib/server/auth/request';
import { countUsers } from '$lib/server/auth/users';
import { settings } from '$lib/server/config';
import { asOneWork, getDatabase } from '$lib/server/db/connection';
import { hostAllowed, originAllowed, secureHeaders } from '$lib/server/http/guard';
import { startServer } from '$lib/server/startup';

/** Once, before the first request: the temp files of a killed earlier run are removed. */
export const init: ServerInit = startServer;

const isApi = (path: string) => path === '/api' || path.startsWith('/api/');

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A plain page for a refused or missing page: no script, nothing to frame, the reason in the user's words. */
function refusalPage(status: number, message: string, t: Translate, lang: string): Response {
	const body = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${status}</title></head>
<body><h1>${status}</h1><p>${escapeHtml(message)}</p><p><a href="/">${escapeHtml(t('error.home'))}</a></p></body></html>`;
	return new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

/**
 * The route policy (src/lib/server/auth/policy.ts) applied: anonymous pages go to the login form with
 * their address to come back to, anonymous API calls get 401, a role without the right 403.
 */
async function guard(event: RequestEvent, t: Translate): Promise<Response | null> {
	const { db, user, locale } = event.locals;
	const setupOpen = event.route.id === '/setup' && (await countUsers(db)) === 0;
	const decision = decide(event.route.id, event.request.method, user, setupOpen);
	if (decision === 'allow') return null;
	const api = isApi(event.url.pathname);
	if (decision === 'notFound')
		return api
			? json({ error: t('error.notFound') }, { status: 404 })
			: refusalPage(404, t('error.notFound'), t, locale);
	if (decision === 'login') {
		if (api)
			return json({ error: t('auth.required') }, { status: 401, headers: { 'www-authenticate': 'Bearer' } });
		const location = `/login?next=${encodeURIComponent(event.url.pathname + event.url.search)}`;
		// A client-side navigation asks for __data.json and follows SvelteKit's JSON redirect.
		return event.isDataRequest
			? json({ type: 'redirect', location })
			: new Response(null, { status: 303, headers: { location } });
	}
	const message = user ? t('auth.forbidden', { role: t(`auth.role.${user.role}`) }) : t('auth.unknownRoute');
	return api ? json({ error: message }, { status: 403 }) : refusalPage(403, message, t, locale);
}

/**
 * Every request passes here: the Host and Origin checks, the locale from the `locale` cookie (zh-CN
 * by default) into locals and `<html lang>`, the database the route's server modules work on, who
 * the request acts as and whether they may, and the security headers of every response. Its database
 * reads take turns with other requests' (asOneWork), and what it audits records its client's address.
 */
export const handle: Handle = ({ event, resolve }) =>
	asOneWork(() =>
		fromOrigin(
			clientAddress(() => event.getClientAddress()),
			() => handleRequest(event, resolve)
		)
	);

async function handleRequest(
	event: RequestEvent,
	resolve: Parameters<Handle>[0]['resolve']
): Promise<Response> {
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
		event.locals.user = await authenticate(
			event.locals.db,
			event.request.headers.get('authorization'),
			event.cookies,
			event.url
		);
		response =
			(await guard(event, t)) ??
			(await resolve(event, {
				transformPageChunk: ({ html }) => html.replace('%lang%', locale)
			}));
	}
	secureHeaders(response.headers);
	return response;
}
