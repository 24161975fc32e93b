import { json } from '@sveltejs/kit';
import { compareQuerySchema } from '$lib/domain/assessment/api';
import { compareVersions } from '$lib/server/assessment/compare';
import { api, parseQuery } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/** ?a=ID[:VERSION]&b=ID[:VERSION] → {a, b, changed}: scores, levels, per-indicator attainment, changed leaves. */
export const GET: RequestHandler = api(async ({ url, locals }) => {
	const { a, b } = parseQuery(url, compareQuerySchema);
	return json(await compareVersions(locals.db, a, b));
});
