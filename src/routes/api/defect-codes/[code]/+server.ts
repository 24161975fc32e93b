import { json } from '@sveltejs/kit';
import { defectCodeInput } from '$lib/domain/defect-codes';
import { deleteDefectCode, saveDefectCode } from '$lib/server/catalogue/defect-codes';
import { actorOf } from '$lib/server/http/actor';
import { api, parseJson } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

const names = defectCodeInput.omit({ code: true });

/** Renames a code by hand (it becomes 'manual', which learning never overwrites). */
export const PUT: RequestHandler = api(async ({ params, request, locals }) => {
	const entry = { ...(await parseJson(request, names, locals.locale)), code: params.code };
	return json(await saveDefectCode(locals.db, entry, actorOf(locals), { create: false }));
});

export const DELETE: RequestHandler = api(async ({ params, locals }) => {
	await deleteDefectCode(locals.db, params.code, actorOf(locals));
	return new Response(null, { status: 204 });
});
