import { json } from '@sveltejs/kit';
import { compareQuerySchema } from '$lib/server/assessment/api-schemas';
import { compareVersions, parseVersionRef, type VersionRef } from '$lib/server/assessment/compare';
import { getDatabase } from '$lib/server/db/connection';
import { api, parseQuery } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/** ?a=ID[:VERSION]&b=ID[:VERSION] → {a, b, changed}: scores, levels, per-indicator attainment, changed leaves. */
export const GET: RequestHandler = api(async ({ url }) => {
	const { a, b } = parseQuery(url, compareQuerySchema);
	const db = await getDatabase();
	return json(await compareVersions(db, parseVersionRef(a) as VersionRef, parseVersionRef(b) as VersionRef));
});
