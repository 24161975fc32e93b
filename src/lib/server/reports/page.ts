import { error } from '@sveltejs/kit';
import { createT, type Locale } from '$lib/i18n';
import { ReportError } from './errors';
import { compareFigures } from '$lib/domain/reports/compare';
import { listAssessments } from '../assessment/assessments';
import type { Database } from '../db/connection';
import { loadMetricConfig } from '../metrics/config';
import { kpiMonthRange } from '../metrics/kpis';
import { pdfAvailable } from './pdf';
import { getSnapshot, listSnapshots, snapshotFigures } from './snapshots';

/** What the Reports page shows: the default month, the assessments an audit pack can be made of, the list. */
export async function reportsPage(db: Database) {
	const { params } = await loadMetricConfig();
	const [{ month }, assessments, snapshots] = await Promise.all([
		kpiMonthRange({ db, params, query: { filters: {} } }),
		listAssessments(db),
		listSnapshots(db)
	]);
	return {
		month,
		assessments: assessments
			.filter((a) => a.finalVersion !== null)
			.map((a) => ({ id: a.id, name: a.name, site: a.site, version: a.finalVersion })),
		snapshots,
		pdf: pdfAvailable()
	};
}

/** The compare page: both snapshots and their figures matched table by table; a bad id is the page's 404. */
export async function comparePage(db: Database, a: string | null, b: string | null, locale: Locale) {
	if (!a || !b) error(400, createT(locale)('report.page.pickTwo'));
	try {
		const [sa, sb, fa, fb] = await Promise.all([
			getSnapshot(db, a),
			getSnapshot(db, b),
			snapshotFigures(db, a),
			snapshotFigures(db, b)
		]);
		return { a: sa, b: sb, tables: compareFigures(fa, fb) };
	} catch (e) {
		if (e instanceof ReportError) error(e.status, e.in(locale));
		throw e;
	}
}
