import { json } from '@sveltejs/kit';
import { rectificationPatchSchema } from '$lib/domain/assessment/api';
import { updateRectification } from '$lib/server/assessment/rectifications';
import { actorOf } from '$lib/server/http/actor';
import { api, idParam, parseJson } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/** {action?, owner?, dueDate?, status?} → the updated action (no DELETE: the plan's history stays whole). */
export const PATCH: RequestHandler = api(async ({ params, request, locals }) => {
	const patch = await parseJson(request, rectificationPatchSchema, locals.locale);
	const updated = await updateRectification(
		locals.db,
		idParam.parse(params.id),
		idParam.parse(params.rid),
		patch,
		actorOf(locals)
	);
	return json(updated);
});
