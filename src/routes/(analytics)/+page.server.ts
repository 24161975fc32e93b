import { error } from '@sveltejs/kit';
import { createT } from '$lib/i18n';
import { overdueForOverview } from '$lib/server/assessment/rectifications';
import { infoMap, loadMetric, pageFilters, pageQuery } from './metrics.server';
import type { PageServerLoad } from './$types';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Overview: the KPIs of one month (`?month=YYYY-MM`, default the latest) and the signals list. */
export const load: PageServerLoad = async ({ url, locals }) => {
	const query = pageQuery(url, locals.locale, ['month']);
	const month = url.searchParams.get('month') || null;
	if (month !== null && !MONTH.test(month))
		error(400, createT(locals.locale)('query.invalid', { detail: `month: YYYY-MM, got "${month}"` }));
	if (month) {
		const [y, m] = month.split('-').map(Number);
		query.from = undefined;
		query.to = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
	}
	const infos = await infoMap();
	const [kpis, signals] = await Promise.all([
		loadMetric(infos, 'overview.kpis', query),
		loadMetric(infos, 'signals', query)
	]);
	const shown = typeof kpis.rows[0]?.month === 'string' ? kpis.rows[0].month : month;
	return {
		infos,
		query,
		month: shown,
		kpis,
		signals,
		filters: pageFilters(infos, ['overview.kpis', 'signals']),
		overdue: await overdueForOverview(locals.db)
	};
};
