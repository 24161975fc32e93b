import { redirect } from '@sveltejs/kit';
import { getAssessment } from '$lib/server/assessment/assessments';
import { forPage } from '$lib/server/assessment/page';
import type { PageServerLoad } from './$types';

/** /assessment/ID opens the newest version. */
export const load: PageServerLoad = async ({ params, locals }) => {
	const db = locals.db;
	const assessment = await forPage(() => getAssessment(db, Number(params.id)));
	redirect(307, `/assessment/${assessment.id}/${assessment.latestVersion}`);
};
