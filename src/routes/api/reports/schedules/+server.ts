import { json } from '@sveltejs/kit';
import { scheduleInputSchema } from '$lib/domain/reports/schedule';
import { scopeOf, scheduleActor } from '$lib/server/http/actor';
import { api, parseJson } from '$lib/server/http/api';
import { createSchedule, listSchedules, scheduleSettings } from '$lib/server/reports';
import type { RequestHandler } from './$types';

/**
 * {timeZone, mail, schedules}: the zone due times are read in (WORKBENCH_TIMEZONE), whether e-mail is
 * set up, and the schedules within the user's scope, each with its next due time and its last run.
 */
export const GET: RequestHandler = api(async ({ locals }) =>
	json({ ...scheduleSettings(), schedules: await listSchedules(locals.db, scopeOf(locals)) })
);

/**
 * JSON {kind, day, time, formats?, lang?, filters?, enabled?, folder?, recipients?} → the schedule (201),
 * owned by the user: it runs under their scope.
 */
export const POST: RequestHandler = api(async ({ request, locals }) => {
	const body = await parseJson(request, scheduleInputSchema, locals.locale);
	return json(await createSchedule(locals.db, body, scheduleActor(locals)), { status: 201 });
});
