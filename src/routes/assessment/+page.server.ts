import { loadDefaultCatalogue } from '$lib/server/assessment/catalogue-store';
import { assessmentRows } from '$lib/server/assessment/view';
import { getDatabase } from '$lib/server/db/connection';
import type { PageServerLoad } from './$types';

/** The assessments with their newest version's score, and the default catalogue the create form offers. */
export const load: PageServerLoad = async () => {
	const db = await getDatabase();
	const catalogue = await loadDefaultCatalogue()
		.then((c) => ({ id: c.id, title: c.title, error: null }))
		.catch((e: unknown) => ({ id: null, title: null, error: e instanceof Error ? e.message : String(e) }));
	return { assessments: await assessmentRows(db), catalogue };
};
