import { json } from '@sveltejs/kit';
import { saveDraft } from '$lib/server/assessment/versions';
import { versionView } from '$lib/server/assessment/view';
import { stateSchema } from '$lib/domain/assessment/workspace-state';
import { actorOf } from '$lib/server/http/actor';
import { api, idParam, parseJson } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/** → the version with its state, catalogue, computed score, evidence and rectifications. */
export const GET: RequestHandler = api(async ({ params, locals }) => {
	const db = locals.db;
	return json(await versionView(db, idParam.parse(params.id), idParam.parse(params.version)));
});

/** Body = the draft's whole state → the saved version; 409 {code: 'locked'} when it is final. */
export const PUT: RequestHandler = api(async ({ params, request, locals }) => {
	const state = await parseJson(request, stateSchema, locals.locale);
	const db = locals.db;
	const id = idParam.parse(params.id);
	const version = idParam.parse(params.version);
	await saveDraft(db, id, version, state, actorOf(locals));
	return json(await versionView(db, id, version));
});
