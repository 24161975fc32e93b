import { z } from 'zod';
import { daySchema } from '$lib/domain/dates';
import type { Catalogue } from './catalogue';
import type { LeafChange } from './compare';
import type { ItemMetric } from './metric';
import { RECTIFICATION_STATUSES, type Rectification } from './rectification-plan';
import type { ScoreResult } from './scoring';
import type { AssessmentState } from './workspace-state';

/**
 * What the browser and the server exchange about assessments: the request schemas the endpoints parse
 * with and the JSON shapes they answer with. The server builds these from its rows; the browser only
 * reads them, so neither side needs the other's modules.
 */

const line = (max: number) => z.string().trim().min(1).max(max);

export const createAssessmentSchema = z
	.object({
		name: line(200),
		site: line(200),
		periodFrom: daySchema,
		periodTo: daySchema,
		assessor: line(100),
		/** A certification body's catalogue already checked by POST /api/assessments/catalogue; checked again. */
		catalogue: z.unknown().optional()
	})
	.refine((v) => v.periodFrom <= v.periodTo, {
		path: ['periodTo'],
		message: 'the period ends before it starts'
	});

/** The scope of a new assessment (POST /api/assessments without its catalogue). */
export type NewAssessment = Omit<z.output<typeof createAssessmentSchema>, 'catalogue'>;

export const evidenceQuerySchema = z.object({
	version: z.coerce.number().int().positive(),
	leaf: z.string().trim().min(1).max(100),
	name: z.string().trim().min(1).max(255)
});

export const evidenceListQuerySchema = z.object({ version: z.coerce.number().int().positive().optional() });

export const catalogueQuerySchema = z.object({ name: z.string().trim().min(1).max(255) });

export const rectificationSchema = z
	.object({
		source: z.enum(['leaf', 'deduction']),
		leafId: z.string().trim().min(1).max(100).optional(),
		deductionIndex: z.number().int().min(0).optional(),
		action: line(2000),
		owner: line(100),
		dueDate: daySchema,
		status: z.enum(RECTIFICATION_STATUSES).optional()
	})
	.refine((v) => (v.source === 'leaf' ? v.leafId !== undefined : v.deductionIndex !== undefined), {
		message: 'a leaf action needs leafId, a deduction action needs deductionIndex'
	});

export type NewRectification = z.output<typeof rectificationSchema>;

export const rectificationPatchSchema = z
	.object({
		action: line(2000),
		owner: line(100),
		dueDate: daySchema,
		status: z.enum(RECTIFICATION_STATUSES)
	})
	.partial()
	.refine((v) => Object.keys(v).length > 0, 'nothing to change');

export type RectificationPatch = z.output<typeof rectificationPatchSchema>;

/** An assessment and one of its versions, as "12" or "12:3" says. */
export interface VersionRef {
	assessmentId: number;
	/** Omitted: the newest version. */
	version?: number;
}

const VERSION_REF = /^(\d{1,9})(?::(\d{1,9}))?$/;

/** "12" or "12:3" (assessment id, optional version) → a reference; null when malformed. */
export function parseVersionRef(text: string): VersionRef | null {
	const match = VERSION_REF.exec(text.trim());
	if (!match) return null;
	return { assessmentId: Number(match[1]), version: match[2] === undefined ? undefined : Number(match[2]) };
}

const versionRef = z
	.string()
	.regex(VERSION_REF, 'an assessment id, optionally with :version')
	.transform((text) => parseVersionRef(text) as VersionRef);

export const compareQuerySchema = z.object({ a: versionRef, b: versionRef });

/** An assessment: a named, dated scope (site, period, assessor) whose content lives in its versions. */
export interface Assessment extends NewAssessment {
	id: number;
	catalogueId: string;
	createdAt: string;
	createdBy: string;
	/** The newest version and its status (what the list shows). */
	latestVersion: number;
	latestStatus: VersionStatus;
	/** The newest final version, if any (its score is the assessment's official one). */
	finalVersion: number | null;
}

/** A row of the assessments list: the assessment with the score and level of its newest version. */
export interface AssessmentRow extends Assessment {
	score: number;
	level: ScoreResult['level'];
	provisional: boolean;
}

export type VersionStatus = 'draft' | 'final';

export interface VersionSummary {
	assessmentId: number;
	version: number;
	status: VersionStatus;
	basedOn: number | null;
	createdAt: string;
	createdBy: string;
	updatedAt: string;
	finalisedAt: string | null;
	finalisedBy: string | null;
	catalogueSha256: string;
}

export interface AssessmentVersion extends VersionSummary {
	state: AssessmentState;
	catalogue: Catalogue;
}

export interface EvidenceFile {
	id: number;
	assessmentId: number;
	version: number;
	leafId: string;
	fileName: string;
	sha256: string;
	sizeBytes: number;
	uploadedAt: string;
	uploadedBy: string;
}

export interface EvidenceUpload {
	file: EvidenceFile;
	/** The same bytes were already attached to this leaf: nothing new was stored. */
	duplicate: boolean;
}

/** Everything the assessment page and GET …/versions/N show, in one plain object. */
export interface VersionView {
	assessment: Assessment;
	versions: VersionSummary[];
	version: AssessmentVersion;
	/** The saved state scored by the pure `score()` (the browser recomputes it live while editing). */
	score: ScoreResult;
	evidence: EvidenceFile[];
	rectifications: Rectification[];
}

/** A status proposed from the imported data for a metric-backed check item. */
export interface MetricProposal {
	leafId: string;
	metric: ItemMetric;
	/** The aggregated value (a share 0–1, hours, a rate …); null when the period has no usable data. */
	value: number | null;
	/** Months with data in the period. */
	months: number;
	proposed: 'conform' | 'nonconform' | null;
	/** Why no value could be computed (unknown metric, bad column …). */
	error: string | null;
}

/** The answer of POST /api/assessments/catalogue: the validated sheet and its size. */
export interface CatalogueCheck {
	catalogue: Catalogue;
	items: number;
	leaves: number;
}

export interface OverdueRectification extends Rectification {
	assessmentName: string;
	site: string;
	/** Days past the due date. */
	daysOverdue: number;
}

export interface CompareSide {
	assessment: Assessment;
	version: VersionSummary;
	score: ScoreResult;
	titles: Record<string, { zh: string; en: string }>;
}

export interface Comparison {
	a: CompareSide;
	b: CompareSide;
	changed: LeafChange[];
}

/** One choice of the compare page's pickers: a version of an assessment. */
export interface CompareOption {
	/** "ID:VERSION", the value the query string carries. */
	value: string;
	assessment: string;
	site: string;
	period: string;
	version: number;
	status: VersionStatus;
}

/** An entry of the append-only audit log. */
export interface AuditEntry {
	id: number;
	at: string;
	actor: string;
	action: string;
	entity: string;
	entityId: string | null;
	/** What changed, as it was recorded (any JSON). */
	detail: unknown;
}
