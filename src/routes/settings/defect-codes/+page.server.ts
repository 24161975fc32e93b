import { listDefectCodes } from '$lib/server/catalogue/defect-codes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ codes: await listDefectCodes(locals.db) });
