import { json } from '@sveltejs/kit';
import { newDraftFrom } from '$lib/server/assessment/versions';
import { versionView } from '$lib/server/assessment/view';
import { actorOf } from '$lib/server/http/actor';
import { api, idParam } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/** Starts the next version as a draft copying this one → 201 the new draft; 409 when a draft exists. */
export const POST: RequestHandler = api(async ({ params, locals }) => {
	const db = locals.db;
	const id = idParam.parse(params.id);
	const draft = await newDraftFrom(db, id, idParam.parse(params.version), actorOf(locals));
	return json(await versionView(db, id, draft.version), { status: 201 });
});
