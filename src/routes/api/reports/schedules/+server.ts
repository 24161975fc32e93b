import { json } from '@sveltejs/kit';
import { scheduleInputSchema } from '$lib/domain/reports/schedule';
import { api, parseJson } from '$lib/server/http/api';
import { createSchedule, listSchedules } from '$lib/server/reports';
import type { RequestHandler } from './$types';

/** Report schedules, each with its next due time in WORKBENCH_TIMEZONE and its last run. */
export const GET: RequestHandler = api(async ({ locals }) => json(await listSchedules(locals.db)));

/** JSON {kind, day, time, formats?, lang?, filters?, enabled?, folder?, recipients?} → the schedule (201). */
export const POST: RequestHandler = api(async ({ request, locals }) => {
	const body = await parseJson(request, scheduleInputSchema, locals.locale);
	return json(await createSchedule(locals.db, body, 'web'), { status: 201 });
});
