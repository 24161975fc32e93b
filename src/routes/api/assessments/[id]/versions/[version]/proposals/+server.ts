import { json } from '@sveltejs/kit';
import { getAssessment } from '$lib/server/assessment/assessments';
import { metricProposals } from '$lib/server/assessment/metric-proposals';
import { getVersion } from '$lib/server/assessment/versions';
import { getDatabase } from '$lib/server/db/connection';
import { api, idParam } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/** → {proposals}: for each metric-backed leaf, the metric's value over the assessment period and the proposed status. */
export const GET: RequestHandler = api(async ({ params }) => {
	const db = await getDatabase();
	const id = idParam.parse(params.id);
	const assessment = await getAssessment(db, id);
	const version = await getVersion(db, id, idParam.parse(params.version));
	const proposals = await metricProposals(db, version.catalogue, {
		from: assessment.periodFrom,
		to: assessment.periodTo
	});
	return json({ proposals });
});
