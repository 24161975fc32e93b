import { json } from '@sveltejs/kit';
import { rectificationSchema } from '$lib/domain/assessment/api';
import { createRectification, listRectifications } from '$lib/server/assessment/rectifications';
import { actorOf } from '$lib/server/http/actor';
import { api, idParam, parseJson } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/** → {rectifications} of the assessment. */
export const GET: RequestHandler = api(async ({ params, locals }) => {
	return json({ rectifications: await listRectifications(locals.db, idParam.parse(params.id)) });
});

/** {source, leafId | deductionIndex, action, owner, dueDate, status?} → 201 the action. */
export const POST: RequestHandler = api(async ({ params, request, locals }) => {
	const input = await parseJson(request, rectificationSchema, locals.locale);
	const created = await createRectification(locals.db, idParam.parse(params.id), input, actorOf(locals));
	return json(created, { status: 201 });
});
