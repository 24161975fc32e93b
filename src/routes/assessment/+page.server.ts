import { assessmentsPage } from '$lib/server/assessment/page';
import type { PageServerLoad } from './$types';

/** The assessments with their newest version's score, and the default catalogue the create form offers. */
export const load: PageServerLoad = async ({ locals }) => assessmentsPage(locals.db);
