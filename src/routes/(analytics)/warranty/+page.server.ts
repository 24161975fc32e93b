import { pageQuery } from '$lib/server/http/metric-query';
import { distinct, infoMap, loadMetric, pageFilters } from '$lib/server/metrics/blocks';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const query = pageQuery(url, locals.locale, ['log']);
	const infos = await infoMap();
	const weibull = await loadMetric(locals.db, infos, 'warranty.weibull', query);
	const warrantyMonths = infos['defects.monthly']?.params.warranty_months_default;
	return {
		infos,
		query,
		weibull,
		log: url.searchParams.get('log') === '1',
		warrantyMonths: typeof warrantyMonths === 'number' ? warrantyMonths : 12,
		filters: pageFilters(infos, ['warranty.weibull']),
		suggestions: { model: distinct(weibull.rows, 'product_model') }
	};
};
