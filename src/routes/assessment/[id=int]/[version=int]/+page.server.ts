import { versionPage } from '$lib/server/assessment/page';
import type { PageServerLoad } from './$types';

/** One version with its score, evidence, rectifications, the data's proposals and the change history. */
export const load: PageServerLoad = async ({ params, locals }) =>
	versionPage(locals.db, Number(params.id), Number(params.version));
