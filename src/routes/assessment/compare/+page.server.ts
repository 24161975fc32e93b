import { error } from '@sveltejs/kit';
import { createT } from '$lib/i18n';
import { listAssessments } from '$lib/server/assessment/assessments';
import { compareVersions, parseVersionRef } from '$lib/server/assessment/compare';
import { forPage } from '$lib/server/assessment/page';
import { listVersions } from '$lib/server/assessment/versions';
import { getDatabase } from '$lib/server/db/connection';
import type { PageServerLoad } from './$types';

/** ?a=ID[:VERSION]&b=ID[:VERSION]: the choices for both pickers, and the comparison once both are given. */
export const load: PageServerLoad = async ({ url, locals }) => {
	const db = await getDatabase();
	const assessments = await listAssessments(db);
	const options = (
		await Promise.all(
			assessments.map(async (a) =>
				(await listVersions(db, a.id)).map((v) => ({
					value: `${a.id}:${v.version}`,
					assessment: a.name,
					site: a.site,
					period: `${a.periodFrom} – ${a.periodTo}`,
					version: v.version,
					status: v.status
				}))
			)
		)
	).flat();
	const a = url.searchParams.get('a');
	const b = url.searchParams.get('b');
	if (!a || !b) return { options, a, b, comparison: null };
	const refA = parseVersionRef(a);
	const refB = parseVersionRef(b);
	if (!refA || !refB)
		error(400, createT(locals.locale)('query.invalid', { detail: 'a, b: ID or ID:VERSION' }));
	return { options, a, b, comparison: await forPage(() => compareVersions(db, refA, refB)) };
};
