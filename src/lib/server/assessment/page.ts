import { error } from '@sveltejs/kit';
import type { CompareOption } from '$lib/domain/assessment/api';
import { parseVersionRef } from '$lib/domain/assessment/api';
import { createT, type Locale } from '$lib/i18n';
import { readAudit } from '../audit/log';
import type { Database } from '../db/connection';
import { metricInfos } from '../metrics/registry';
import { listAssessments } from './assessments';
import { loadDefaultCatalogue } from './catalogue-store';
import { compareVersions } from './compare';
import { WorkspaceError } from './errors';
import { proposalsFor } from './metric-proposals';
import { listVersions } from './versions';
import { assessmentRows, versionView } from './view';

/** What the assessment pages load; a WorkspaceError (404 unknown assessment …) becomes the page's HTTP error. */

export async function forPage<T>(fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (e) {
		if (e instanceof WorkspaceError) error(e.status, e.message);
		throw e;
	}
}

/** /assessment: the assessments with their newest version's score, and the default catalogue the create form offers. */
export async function assessmentsPage(db: Database) {
	const catalogue = await loadDefaultCatalogue()
		.then((c) => ({ id: c.id, title: c.title, error: null }))
		.catch((e: unknown) => ({ id: null, title: null, error: e instanceof Error ? e.message : String(e) }));
	return { assessments: await assessmentRows(db), catalogue };
}

/** /assessment/ID/VERSION: the version with its score, evidence, rectifications, the data's proposals and history. */
export async function versionPage(db: Database, assessmentId: number, version: number) {
	const view = await forPage(() => versionView(db, assessmentId, version));
	const [proposals, history, infos] = await Promise.all([
		proposalsFor(db, view.assessment, view.version.catalogue),
		readAudit(db, { entity: 'assessment_version', entityPrefix: `${view.assessment.id}/`, limit: 50 }),
		metricInfos()
	]);
	const metricTitles = Object.fromEntries(infos.map((i) => [i.id, i.title]));
	return { view, proposals, history, metricTitles };
}

/** Every version of every assessment, for the compare pickers. */
async function compareOptions(db: Database): Promise<CompareOption[]> {
	const assessments = await listAssessments(db);
	const perAssessment = await Promise.all(
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
	);
	return perAssessment.flat();
}

/** /assessment/compare?a=ID[:VERSION]&b=ID[:VERSION]: the pickers' choices, and the comparison once both are given. */
export async function comparePage(db: Database, a: string | null, b: string | null, locale: Locale) {
	const options = await compareOptions(db);
	if (!a || !b) return { options, a, b, comparison: null };
	const refA = parseVersionRef(a);
	const refB = parseVersionRef(b);
	if (!refA || !refB) error(400, createT(locale)('query.invalid', { detail: 'a, b: ID or ID:VERSION' }));
	return { options, a, b, comparison: await forPage(() => compareVersions(db, refA, refB)) };
}
