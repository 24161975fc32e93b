import { json } from '@sveltejs/kit';
import { compareQuerySchema } from '$lib/domain/assessment/api';
import { compareVersions } from '$lib/server/assessment/compare';
import { getDatabase } from '$lib/server/db/connection';
import { api, parseQuery } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/** ?a=ID[:VERSION]&b=ID[:VERSION] → {a, b, changed}: scores, levels, per-indicator attainment, changed leaves. */
export const GET: RequestHandler = api(async ({ url }) => {
	const { a, b } = parseQuery(url, compareQuerySchema);
	return json(await compareVersions(await getDatabase(), a, b));
});
