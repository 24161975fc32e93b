import { json } from '@sveltejs/kit';
import { finaliseVersion } from '$lib/server/assessment/versions';
import { versionView } from '$lib/server/assessment/view';
import { actorOf } from '$lib/server/http/actor';
import { api, idParam } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/** Locks the draft → the final version; 409 {code: 'provisional', missing} while leaves are unassessed. */
export const POST: RequestHandler = api(async ({ params, locals }) => {
	const db = locals.db;
	const id = idParam.parse(params.id);
	const version = idParam.parse(params.version);
	await finaliseVersion(db, id, version, actorOf(locals));
	return json(await versionView(db, id, version));
});
