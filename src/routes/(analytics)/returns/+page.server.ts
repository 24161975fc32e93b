import { pageQuery } from '$lib/server/http/metric-query';
import { infoMap, loadMetric, pageFilters } from '$lib/server/metrics/blocks';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const query = pageQuery(url, locals.locale);
	const infos = await infoMap();
	const monthly = await loadMetric(locals.db, infos, 'returns.monthly', query);
	return { infos, query, monthly, filters: pageFilters(infos, ['returns.monthly']) };
};
