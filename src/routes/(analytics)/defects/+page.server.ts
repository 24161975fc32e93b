import { pageQuery } from '$lib/server/http/metric-query';
import { loadPage } from '$lib/server/metrics/blocks';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, locals }) => {
	const query = pageQuery(url, locals);
	return loadPage(locals.db, query, {
		monthly: 'defects.monthly',
		pchart: 'defects.pchart',
		pareto: { id: 'defects.pareto', by: query.by },
		mis: 'defects.mis',
		turnaround: 'repairs.turnaround',
		repeat: 'repairs.repeat'
	});
};
