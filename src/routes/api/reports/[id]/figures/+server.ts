import { json } from '@sveltejs/kit';
import { api } from '$lib/server/http/api';
import { snapshotFigures } from '$lib/server/reports';
import type { RequestHandler } from './$types';

/** The figures a report was made of, as stored with it. */
export const GET: RequestHandler = api(async ({ params, locals }) =>
	json(await snapshotFigures(locals.db, params.id))
);
