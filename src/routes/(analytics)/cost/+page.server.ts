import { pageQuery } from '$lib/server/http/metric-query';
import { infoMap, loadMetric, pageFilters, suggestionsFrom } from '$lib/server/metrics/blocks';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const query = pageQuery(url, locals.locale);
	const infos = await infoMap();
	const [monthly, drivers] = await Promise.all([
		loadMetric(locals.db, infos, 'cost.monthly', query),
		loadMetric(locals.db, infos, 'cost.drivers', query, query.by)
	]);
	return {
		infos,
		query,
		monthly,
		drivers,
		filters: pageFilters(infos, ['cost.monthly', 'cost.drivers']),
		suggestions: suggestionsFrom(drivers)
	};
};
