import { readAudit } from '$lib/server/audit/log';
import { metricProposals } from '$lib/server/assessment/metric-proposals';
import { forPage } from '$lib/server/assessment/page';
import { versionView } from '$lib/server/assessment/view';
import { getDatabase } from '$lib/server/db/connection';
import { metricInfos } from '$lib/server/metrics/registry';
import type { PageServerLoad } from './$types';

/** One version with its score, evidence, rectifications, the data's proposals and the change history. */
export const load: PageServerLoad = async ({ params }) => {
	const db = await getDatabase();
	const view = await forPage(() => versionView(db, Number(params.id), Number(params.version)));
	const period = { from: view.assessment.periodFrom, to: view.assessment.periodTo };
	const [proposals, history, infos] = await Promise.all([
		metricProposals(db, view.version.catalogue, period),
		readAudit(db, { entity: 'assessment_version', entityPrefix: `${view.assessment.id}/`, limit: 50 }),
		metricInfos()
	]);
	const metricTitles = Object.fromEntries(infos.map((i) => [i.id, i.title]));
	return { view, proposals, history, metricTitles };
};
