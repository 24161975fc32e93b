import { pageQuery } from '$lib/server/http/metric-query';
import { infoMap, loadMetric, pageFilters } from '$lib/server/metrics/blocks';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const query = pageQuery(url, locals.locale);
	const infos = await infoMap();
	const [sla, escalations] = await Promise.all([
		loadMetric(locals.db, infos, 'complaints.sla', query),
		loadMetric(locals.db, infos, 'complaints.escalations', query)
	]);
	return {
		infos,
		query,
		sla,
		escalations,
		filters: pageFilters(infos, ['complaints.sla', 'complaints.escalations'])
	};
};
