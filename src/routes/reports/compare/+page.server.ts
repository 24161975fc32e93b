import { scopeOf } from '$lib/server/http/actor';
import { comparePage } from '$lib/server/reports';
import type { PageServerLoad } from './$types';

/** Two generated reports' figures side by side (`?a=ID&b=ID`), both within the user's scope. */
export const load: PageServerLoad = ({ url, locals }) =>
	comparePage(
		locals.db,
		url.searchParams.get('a'),
		url.searchParams.get('b'),
		locals.locale,
		scopeOf(locals)
	);
