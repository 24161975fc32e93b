import { getDatabase } from '$lib/server/db/connection';
import { listBatches, tableCounts } from '$lib/server/ingest';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const db = await getDatabase();
	const [tables, batches] = await Promise.all([tableCounts(db), listBatches(db)]);
	return { tables, batches };
};
