import { json } from '@sveltejs/kit';
import { getAssessment } from '$lib/server/assessment/assessments';
import { listVersions } from '$lib/server/assessment/versions';
import { api, idParam } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/** → {assessment, versions} */
export const GET: RequestHandler = api(async ({ params, locals }) => {
	const id = idParam.parse(params.id);
	const db = locals.db;
	return json({ assessment: await getAssessment(db, id), versions: await listVersions(db, id) });
});
