import { comparePage } from '$lib/server/assessment/page';
import type { PageServerLoad } from './$types';

/** ?a=ID[:VERSION]&b=ID[:VERSION]: the choices for both pickers, and the comparison once both are given. */
export const load: PageServerLoad = async ({ url, locals }) =>
	comparePage(locals.db, url.searchParams.get('a'), url.searchParams.get('b'), locals.locale);
