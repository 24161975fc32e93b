import { error } from '@sveltejs/kit';
import { createT, type Locale } from '$lib/i18n';
import { ReportError } from './errors';
import { compareFigures } from '$lib/domain/reports/compare';
import { listAssessments } from '../assessment/assessments';
import type { UserScope } from '$lib/domain/auth/user';
import type { Database } from '../db/connection';
import { kindPeriods } from '../metrics/periods';
import { pdfAvailable } from './pdf';
import { getSnapshot, listSnapshots, snapshotFigures } from './snapshots';

/**
 * What the Reports page shows: the default month, the assessments an audit pack can be made of, the
 * reports `viewer` may see.
 */
export async function reportsPage(db: Database, viewer: UserScope) {
	const [periods, assessments, snapshots] = await Promise.all([
		kindPeriods({ db, query: { filters: {} } }, ['repair', 'complaint']),
		listAssessments(db),
		listSnapshots(db, viewer)
	]);
	return {
		/** The default month of each monthly report: the latest complete month of its kind. */
		months: { 'monthly-review': periods.repair.month, 'complaint-analysis': periods.complaint.month },
		assessments: assessments
			.filter((a) => a.finalVersion !== null)
			.map((a) => ({ id: a.id, name: a.name, site: a.site, version: a.finalVersion })),
		snapshots,
		pdf: pdfAvailable()
	};
}

/**
 * The compare page: both snapshots and their figures matched table by table; a bad id, or one outside
 * `viewer`'s scope, is the page's 404.
 */
export async function comparePage(
	db: Database,
	a: string | null,
	b: string | null,
	locale: Locale,
	viewer: UserScope
) {
	if (!a || !b) error(400, createT(locale)('report.page.pickTwo'));
	try {
		const [sa, sb, fa, fb] = await Promise.all([
			getSnapshot(db, a, viewer),
			getSnapshot(db, b, viewer),
			snapshotFigures(db, a, viewer),
			snapshotFigures(db, b, viewer)
		]);
		return { a: sa, b: sb, tables: compareFigures(fa, fb) };
	} catch (e) {
		if (e instanceof ReportError) error(e.status, e.in(locale));
		throw e;
	}
}
