import { json } from '@sveltejs/kit';
import { generateReportSchema } from '$lib/domain/reports/api';
import { actorOf, scopeOf } from '$lib/server/http/actor';
import { api, parseJson } from '$lib/server/http/api';
import { generationStream, listSnapshots } from '$lib/server/reports';
import type { RequestHandler } from './$types';

/** Generated reports within the user's scope, newest first. */
export const GET: RequestHandler = api(async ({ locals }) =>
	json(await listSnapshots(locals.db, scopeOf(locals)))
);

/**
 * JSON {kind, format, lang, period?, assessmentId?, sampleSeed?, sampleSize?, filters?} → an NDJSON
 * stream of progress lines ({step}, then {snapshot} or {error}) so the page can show a progress bar
 * without polling.
 */
export const POST: RequestHandler = api(async ({ request, locals }) => {
	const body = await parseJson(request, generateReportSchema, locals.locale);
	return new Response(
		generationStream(locals.db, body, {
			actor: actorOf(locals),
			locale: locals.locale,
			scope: scopeOf(locals)
		}),
		{
			headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' }
		}
	);
});
