import { pageQuery } from '$lib/server/http/metric-query';
import { infoMap, loadMetric, pageFilters, suggestionsFrom } from '$lib/server/metrics/blocks';
import type { MetricId } from '$lib/domain/metrics/rows';
import type { PageServerLoad } from './$types';

const IDS: MetricId[] = [
	'defects.monthly',
	'defects.pchart',
	'defects.pareto',
	'defects.mis',
	'repairs.turnaround',
	'repairs.repeat'
];

export const load: PageServerLoad = async ({ url, locals }) => {
	const query = pageQuery(url, locals.locale);
	const infos = await infoMap();
	const [monthly, pchart, pareto, mis, turnaround, repeat] = await Promise.all([
		loadMetric(locals.db, infos, 'defects.monthly', query),
		loadMetric(locals.db, infos, 'defects.pchart', query),
		loadMetric(locals.db, infos, 'defects.pareto', query, query.by),
		loadMetric(locals.db, infos, 'defects.mis', query),
		loadMetric(locals.db, infos, 'repairs.turnaround', query),
		loadMetric(locals.db, infos, 'repairs.repeat', query)
	]);
	const filters = pageFilters(infos, IDS);
	return {
		infos,
		query,
		filters,
		monthly,
		pchart,
		pareto,
		mis,
		turnaround,
		repeat,
		suggestions: suggestionsFrom(pareto)
	};
};
