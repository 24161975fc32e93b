import { json } from '@sveltejs/kit';
import { scopeOf } from '$lib/server/http/actor';
import { api } from '$lib/server/http/api';
import { snapshotFigures } from '$lib/server/reports';
import type { RequestHandler } from './$types';

/** The figures a report was made of, as stored with it (404 outside the user's scope). */
export const GET: RequestHandler = api(async ({ params, locals }) =>
	json(await snapshotFigures(locals.db, params.id, scopeOf(locals)))
);
