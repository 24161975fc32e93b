import { json } from '@sveltejs/kit';
import { scopeOf } from '$lib/server/http/actor';
import { api, idParam } from '$lib/server/http/api';
import { getSchedule, scheduleRuns } from '$lib/server/reports';
import type { RequestHandler } from './$types';

/** The schedule's runs, latest due time first (404 for an unknown schedule or one outside the user's scope). */
export const GET: RequestHandler = api(async ({ params, locals }) => {
	const id = idParam.parse(params.id);
	await getSchedule(locals.db, id, scopeOf(locals));
	return json(await scheduleRuns(locals.db, id));
});
