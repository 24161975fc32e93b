import { assertWholeCompany } from '$lib/domain/auth/scope';
import { NO_SCOPE, type UserScope } from '$lib/domain/auth/user';
import type { GenerateReportRequest, ReportSnapshot, ReportStep } from '$lib/domain/reports/api';
import type { ReportDocument, ReportFormat, ReportKind } from '$lib/domain/reports/document';
import type { Database } from '../db/connection';
import { auditPack } from './audit-pack';
import { renderHtml } from './html';
import { printPdf } from './pdf';
import { newReportId, storeSnapshot } from './snapshots';
import { renderXlsx } from './xlsx';
import type { ReportContext } from './builders';
import { complaintAnalysis } from './complaint-analysis';
import { monthlyReview } from './monthly-review';

const REPORT_BUILDERS: Record<ReportKind, (ctx: ReportContext) => Promise<ReportDocument>> = {
	'monthly-review': monthlyReview,
	'complaint-analysis': complaintAnalysis,
	gbt27922: auditPack
};

/** Reports that cover the whole company by nature, refused to a user limited to some regions or models. */
const WHOLE_COMPANY: ReadonlySet<ReportKind> = new Set(['gbt27922']);

export interface GenerateOptions {
	actor: string;
	/** The scope of the user who asks (default: whole company, as the CLI on the database file). */
	scope?: UserScope;
	onStep?: (step: ReportStep) => void;
	/** The generation time printed on the report (tests pin it). */
	now?: Date;
}

/** The document drawn in one format. */
export async function renderReport(doc: ReportDocument, format: ReportFormat): Promise<Buffer> {
	if (format === 'xlsx') return renderXlsx(doc);
	const html = renderHtml(doc);
	return format === 'pdf' ? printPdf(html, doc.id, doc.lang) : Buffer.from(html, 'utf8');
}

const stamp = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' ');

/**
 * Generates a report and stores it as a new immutable snapshot: a report id, the figures read through
 * the metric registry (limited to the asker's scope), the document drawn in the asked format, the bytes
 * kept with their SHA-256.
 */
export async function generateReport(
	db: Database,
	request: GenerateReportRequest,
	options: GenerateOptions
): Promise<ReportSnapshot> {
	const scope = options.scope ?? NO_SCOPE;
	if (WHOLE_COMPANY.has(request.kind)) assertWholeCompany(scope, 'scope.auditPack');
	options.onStep?.('figures');
	const id = await newReportId(db);
	const context: ReportContext = {
		db,
		id,
		lang: request.lang,
		period: request.period ?? null,
		assessmentId: request.assessmentId ?? null,
		sampleSeed: request.sampleSeed,
		sampleSize: request.sampleSize,
		filters: request.filters,
		scope,
		generatedAt: stamp(options.now ?? new Date()),
		generatedBy: options.actor
	};
	const doc = await REPORT_BUILDERS[request.kind](context);
	options.onStep?.('render');
	const bytes = await renderReport(doc, request.format);
	options.onStep?.('store');
	const snapshot = await storeSnapshot(db, {
		doc,
		format: request.format,
		bytes,
		fileName: `${doc.id}-${doc.kind}-${doc.period}.${request.format}`,
		assessmentId: request.assessmentId ?? null
	});
	options.onStep?.('done');
	return snapshot;
}
