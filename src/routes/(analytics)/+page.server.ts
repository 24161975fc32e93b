import { overdueForOverview } from '$lib/server/assessment/rectifications';
import { latestFinalAssessment } from '$lib/server/assessment/view';
import { overviewQuery } from '$lib/server/http/metric-query';
import { loadPage } from '$lib/server/metrics/blocks';
import { kpiSparklines } from '$lib/server/metrics/sparklines';
import type { PageServerLoad } from './$types';

/** Overview: the KPIs of one month (`?month=YYYY-MM`, default the latest complete one) and the signals list. */
export const load: PageServerLoad = async ({ url, locals }) => {
	const { query, month } = overviewQuery(url, locals);
	// Independent reads, issued together; only the sparklines wait for the KPIs' months.
	const [page, final, overdue] = await Promise.all([
		loadPage(locals.db, query, { kpis: 'overview.kpis', signals: 'signals' }),
		latestFinalAssessment(locals.db),
		overdueForOverview(locals.db)
	]);
	return {
		...page,
		month: page.kpis.rows[0]?.month ?? month,
		overdue,
		sparklines: await kpiSparklines(locals.db, page.infos, page.kpis.rows, query),
		/** The official GB/T 27922 standing: the latest finalised assessment version. */
		assessment: final && {
			id: final.assessment.id,
			name: final.assessment.name,
			version: final.version.version,
			level: final.score.level,
			score: final.score.score,
			finalisedAt: final.version.finalisedAt
		}
	};
};
