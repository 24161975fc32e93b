import { overdueForOverview } from '$lib/server/assessment/rectifications';
import { overviewQuery } from '$lib/server/http/metric-query';
import { loadPage } from '$lib/server/metrics/blocks';
import type { PageServerLoad } from './$types';

/** Overview: the KPIs of one month (`?month=YYYY-MM`, default the latest complete one) and the signals list. */
export const load: PageServerLoad = async ({ url, locals }) => {
	const { query, month } = overviewQuery(url, locals.locale);
	const page = await loadPage(locals.db, query, { kpis: 'overview.kpis', signals: 'signals' });
	return {
		...page,
		month: page.kpis.rows[0]?.month ?? month,
		overdue: await overdueForOverview(locals.db)
	};
};
