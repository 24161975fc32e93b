import { pageQuery } from '$lib/server/http/metric-query';
import { loadPage, suggestionsFrom } from '$lib/server/metrics/blocks';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const query = pageQuery(url, locals);
	const page = await loadPage(locals.db, query, {
		monthly: 'cost.monthly',
		drivers: { id: 'cost.drivers', by: query.by }
	});
	return { ...page, suggestions: suggestionsFrom(page.drivers) };
};
