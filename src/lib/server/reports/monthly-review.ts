import type { ReportDocument } from '$lib/domain/reports/document';
import { loadMetricConfig } from '../metrics/config';
import { lastDayOf } from '../metrics/periods';
import { ReportFigures, type ReportContext } from './builders';
import { lineage } from './lineage';
import { certificationSection } from './monthly-review-certification';
import { kpiSection, signalSection } from './monthly-review-headline';
import { defectSection, trendSection } from './monthly-review-repairs';
import { serviceSection } from './monthly-review-service';
import { nextDay, reportPeriod, trendWindow } from './period';

/**
 * The monthly executive review: one month's headline figures with month-on-month and year-on-year
 * changes, the trends of the 13 months up to it, top defects and cost drivers, signals, returns,
 * complaint service against its targets, satisfaction, the star level and the rectifications due.
 * The figures are read here, once for the month; each section draws the ones it shows.
 */
export async function monthlyReview(ctx: ReportContext): Promise<ReportDocument> {
	const f = new ReportFigures(ctx);
	const { params } = await loadMetricConfig();
	const month = await reportPeriod(ctx.db, ctx.period, 'repair');
	const trend = trendWindow(month);
	const only = { from: `${month}-01`, to: lastDayOf(month) };

	const [kpis, signals, defects, cost, pareto, drivers, returns, sla, satisfaction] = await Promise.all([
		f.rows('overview.kpis', { to: only.to }),
		f.rows('signals', { to: only.to }),
		f.rows('defects.monthly', trend),
		f.rows('cost.monthly', trend),
		f.rows('defects.pareto', only, 'defect_code'),
		f.rows('cost.drivers', only, 'product_model'),
		f.rows('returns.monthly', trend),
		f.rows('complaints.sla', trend),
		f.rows('satisfaction.monthly', trend)
	]);
	return f.document({
		kind: 'monthly-review',
		period: month,
		sections: [
			kpiSection(f, month, kpis),
			signalSection(f, signals),
			trendSection(f, defects, cost),
			defectSection(f, month, pareto, drivers),
			serviceSection(f, params, returns, sla, satisfaction),
			await certificationSection(f)
		],
		lineage: await lineage(ctx.db, {
			kinds: ['repair', 'return', 'complaint', 'survey', 'sales'],
			from: trend.from,
			until: nextDay(trend.to)
		})
	});
}
