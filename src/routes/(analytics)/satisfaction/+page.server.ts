import { pageQuery } from '$lib/server/http/metric-query';
import { loadPage } from '$lib/server/metrics/blocks';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, locals }) => {
	const query = pageQuery(url, locals);
	return loadPage(locals.db, query, {
		monthly: 'satisfaction.monthly',
		breakdown: { id: 'satisfaction.breakdown', by: query.by },
		distribution: 'satisfaction.distribution'
	});
};
