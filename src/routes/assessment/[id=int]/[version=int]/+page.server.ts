import { versionPage } from '$lib/server/assessment/page';
import { getDatabase } from '$lib/server/db/connection';
import type { PageServerLoad } from './$types';

/** One version with its score, evidence, rectifications, the data's proposals and the change history. */
export const load: PageServerLoad = async ({ params }) =>
	versionPage(await getDatabase(), Number(params.id), Number(params.version));
