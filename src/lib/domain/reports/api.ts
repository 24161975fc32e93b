/** The report shapes exchanged over HTTP and printed by the CLI, with the request schema. */
import { z } from 'zod';
import type { UserScope } from '../auth/user';
import {
	REPORT_FORMATS,
	REPORT_KINDS,
	type ReportBlock,
	type ReportFormat,
	type ReportKind
} from './document';
import { FILTER_NAMES } from '../metrics/query';

/**
 * A report's filters by name: only filters the metrics know, so a report never prints on its cover a
 * filter its figures did not apply.
 */
export const reportFiltersSchema = z.record(z.string(), z.array(z.string())).superRefine((filters, ctx) => {
	for (const name of Object.keys(filters))
		if (!(FILTER_NAMES as string[]).includes(name))
			ctx.addIssue({
				code: 'custom',
				path: [name],
				message: `unknown filter "${name}"; known: ${FILTER_NAMES.join(', ')}`
			});
});

export interface ReportSnapshot {
	id: string;
	kind: ReportKind;
	format: ReportFormat;
	lang: 'zh-CN' | 'en';
	period: string;
	filters: Record<string, string[]>;
	assessmentId: number | null;
	fileName: string;
	sha256: string;
	sizeBytes: number;
	generatedAt: string;
	generatedBy: string;
	/** The scope it was generated under (empty lists: whole company); only users whose scope holds it see it. */
	scope: UserScope;
}

/** What a snapshot keeps besides its bytes: every section's figures, charts as their tables. */
export interface ReportFigures {
	id: string;
	kind: ReportKind;
	title: string;
	period: string;
	sections: { id: string; title: string; blocks: Exclude<ReportBlock, { type: 'chart' }>[] }[];
}

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month, YYYY-MM');

/**
 * A request to generate a report: the audit pack needs an assessment; a monthly report without a
 * period covers the month the overview shows.
 */
export const generateReportSchema = z
	.object({
		kind: z.enum(REPORT_KINDS),
		format: z.enum(REPORT_FORMATS),
		lang: z.enum(['zh-CN', 'en']).default('zh-CN'),
		period: month.optional(),
		assessmentId: z.number().int().positive().optional(),
		/** The audit pack's sample: the seed printed for the auditor (default: the report id) and records per kind. */
		sampleSeed: z.string().trim().min(1).max(100).optional(),
		sampleSize: z.number().int().min(1).max(500).optional(),
		filters: reportFiltersSchema.default({})
	})
	.refine((r) => r.kind !== 'gbt27922' || r.assessmentId !== undefined, {
		path: ['assessment'],
		message: 'the GB/T 27922 audit pack needs the ID of a finalised assessment'
	});
export type GenerateReportRequest = z.output<typeof generateReportSchema>;

/** A step of generating a report, in order: figures read, document drawn, snapshot stored. */
export const REPORT_STEPS = ['figures', 'render', 'store', 'done'] as const;
export type ReportStep = (typeof REPORT_STEPS)[number];

/** One line of POST /api/reports' NDJSON answer: a step reached, the stored snapshot, or the failure. */
export type ReportProgress = { step: ReportStep } | { snapshot: ReportSnapshot } | { error: string };
