import { dataOverview } from '$lib/server/ingest';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => dataOverview(locals.db);
