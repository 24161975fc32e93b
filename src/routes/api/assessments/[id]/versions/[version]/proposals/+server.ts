import { json } from '@sveltejs/kit';
import { versionProposals } from '$lib/server/assessment/metric-proposals';
import { api, idParam } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/** → {proposals}: for each metric-backed leaf, the metric's value over the assessment period and the proposed status. */
export const GET: RequestHandler = api(async ({ params, locals }) => {
	const id = idParam.parse(params.id);
	const version = idParam.parse(params.version);
	return json({ proposals: await versionProposals(locals.db, id, version) });
});
