import { redirect } from '@sveltejs/kit';
import { getAssessment } from '$lib/server/assessment/assessments';
import { forPage } from '$lib/server/assessment/page';
import { getDatabase } from '$lib/server/db/connection';
import type { PageServerLoad } from './$types';

/** /assessment/ID opens the newest version. */
export const load: PageServerLoad = async ({ params }) => {
	const db = await getDatabase();
	const assessment = await forPage(() => getAssessment(db, Number(params.id)));
	redirect(307, `/assessment/${assessment.id}/${assessment.latestVersion}`);
};
