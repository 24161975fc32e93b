import { overdueForOverview } from '$lib/server/assessment/rectifications';
import { overviewQuery } from '$lib/server/http/metric-query';
import { infoMap, loadMetric, pageFilters } from '$lib/server/metrics/blocks';
import type { PageServerLoad } from './$types';

/** Overview: the KPIs of one month (`?month=YYYY-MM`, default the latest complete one) and the signals list. */
export const load: PageServerLoad = async ({ url, locals }) => {
	const { query, month } = overviewQuery(url, locals.locale);
	const infos = await infoMap();
	const [kpis, signals] = await Promise.all([
		loadMetric(locals.db, infos, 'overview.kpis', query),
		loadMetric(locals.db, infos, 'signals', query)
	]);
	return {
		infos,
		query,
		month: kpis.rows[0]?.month ?? month,
		kpis,
		signals,
		filters: pageFilters(infos, ['overview.kpis', 'signals']),
		overdue: await overdueForOverview(locals.db)
	};
};
