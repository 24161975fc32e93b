import { json } from '@sveltejs/kit';
import { schedulePatchSchema } from '$lib/domain/reports/schedule';
import { scopeOf, scheduleActor } from '$lib/server/http/actor';
import { api, idParam, parseJson } from '$lib/server/http/api';
import { deleteSchedule, getSchedule, updateSchedule } from '$lib/server/reports';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ params, locals }) =>
	json(await getSchedule(locals.db, idParam.parse(params.id), scopeOf(locals)))
);

/** Any of the schedule's fields; the result is checked as a whole. */
export const PATCH: RequestHandler = api(async ({ params, request, locals }) => {
	const patch = await parseJson(request, schedulePatchSchema, locals.locale);
	return json(await updateSchedule(locals.db, idParam.parse(params.id), patch, scheduleActor(locals)));
});

/** Removes the schedule and its run history; the reports it made stay. */
export const DELETE: RequestHandler = api(async ({ params, locals }) => {
	await deleteSchedule(locals.db, idParam.parse(params.id), scheduleActor(locals));
	return new Response(null, { status: 204 });
});
