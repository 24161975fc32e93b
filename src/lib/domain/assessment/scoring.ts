import { z } from 'zod';
import { depthOf, leaves, type Catalogue } from './catalogue';
import { AssessmentError, pathLabel } from './errors';

/**
 * GB/T 27922 scoring — the ONLY place the rules live (pure; browser, server, CLI and reports use it).
 *
 * Per check item (leaf):
 * - `conform` earns its points; `nonconform` earns 0;
 * - `sampled` earns points × conforming ÷ samples (samples a whole number > 0, 0 ≤ conforming ≤ samples);
 * - `excluded` (not applicable, 删减) leaves both the earned and the applicable totals;
 * - a leaf missing from `items` is NOT ASSESSED: it counts as applicable and earns 0, so the score of an
 *   incomplete assessment is a lower bound, and the result is `provisional` (it cannot be finalised).
 * `samples`/`conforming` given with another status are checked (whole numbers, conforming ≤ samples)
 * but do not change the result.
 *
 * base = earned ÷ applicable × 100 (0 when nothing is applicable);
 * score = base − 1 per special deduction + 1 for a special merit (at most one), kept within 0–100.
 * Level: score ≥ 95 five-star, ≥ 90 four-star, ≥ 80 three-star, ≥ 70 compliant, else not-rated;
 * five or more special deductions → not-rated whatever the score.
 *
 * Every reported number is rounded to 1e-9 before any comparison, so 69.99 + 0.01 of floating-point
 * noise cannot cross a level edge: a score is ≥ 70 exactly when its exact value is.
 */

export const STATUSES = ['conform', 'nonconform', 'sampled', 'excluded'] as const;
export type ItemStatus = (typeof STATUSES)[number];

export interface ItemResult {
	status: ItemStatus;
	samples?: number;
	conforming?: number;
}
export interface Deduction {
	reason: string;
	rectification: string;
}
export interface Merit {
	reason: string;
}
export interface AssessmentInput {
	items: Record<string, ItemResult>;
	deductions: Deduction[];
	merit: Merit | null;
}

export const LEVELS = ['not-rated', 'compliant', 'three-star', 'four-star', 'five-star'] as const;
export type Level = (typeof LEVELS)[number];

/** Minimum score of each rated level, highest first. */
export const LEVEL_THRESHOLDS: readonly { level: Exclude<Level, 'not-rated'>; min: number }[] = [
	{ level: 'five-star', min: 95 },
	{ level: 'four-star', min: 90 },
	{ level: 'three-star', min: 80 },
	{ level: 'compliant', min: 70 }
];

/** Five or more special deductions fail the assessment. */
export const MAX_DEDUCTIONS = 5;

export interface ItemScore {
	points: number;
	status: ItemStatus | 'not-assessed';
	/** 0 for an excluded leaf. */
	earned: number;
	/** 0 for an excluded leaf, else the leaf's points. */
	applicable: number;
}

export interface IndicatorScore {
	id: string;
	/** 1 first-level, 2 second-level. */
	depth: number;
	points: number;
	earned: number;
	applicable: number;
	/** earned ÷ applicable (0–1); null when every leaf under it is excluded. */
	attainment: number | null;
}

export interface ScoreResult {
	earned: number;
	applicable: number;
	base: number;
	/** Number of special deductions. */
	deductions: number;
	/** 1 with a special merit, else 0. */
	merit: 0 | 1;
	score: number;
	level: Level;
	/** Some leaves are not assessed (listed in `notAssessed`); the score is a lower bound. */
	provisional: boolean;
	notAssessed: string[];
	perItem: Record<string, ItemScore>;
	/** First- and second-level indicators in catalogue order (for bars and the radar chart). */
	perIndicator: IndicatorScore[];
}

/** Rounds to 1e-9 (removes floating-point noise before comparisons and display). */
export const round9 = (x: number): number => Math.round(x * 1e9) / 1e9;

const count = z.number().int('must be a whole number').nonnegative('must not be negative');

const itemSchema = z
	.object({ status: z.enum(STATUSES), samples: count.optional(), conforming: count.optional() })
	.superRefine((v, ctx) => {
		if (v.status === 'sampled') {
			if (v.samples === undefined)
				ctx.addIssue({ code: 'custom', path: ['samples'], message: 'a sampled item needs samples' });
			else if (v.samples <= 0)
				ctx.addIssue({ code: 'custom', path: ['samples'], message: 'samples must be greater than 0' });
			if (v.conforming === undefined)
				ctx.addIssue({ code: 'custom', path: ['conforming'], message: 'a sampled item needs conforming' });
		}
		if (v.samples !== undefined && v.conforming !== undefined && v.conforming > v.samples)
			ctx.addIssue({
				code: 'custom',
				path: ['conforming'],
				message: `conforming (${v.conforming}) is more than samples (${v.samples})`
			});
	});

const inputSchema = z.object({
	items: z.record(z.string(), itemSchema),
	deductions: z
		.array(
			z.object({
				reason: z.string().trim().min(1, 'a special deduction needs a reason'),
				rectification: z.string().trim()
			}),
			{ error: 'deductions must be a list of { reason, rectification }' }
		)
		.default([]),
	merit: z
		.unknown()
		.transform((v, ctx): Merit | null => {
			if (v === null || v === undefined) return null;
			if (Array.isArray(v)) {
				ctx.addIssue({
					code: 'custom',
					message: `at most one special merit counts; give one { "reason" } or null, not a list of ${v.length}`
				});
				return z.NEVER;
			}
			const merit = z.object({ reason: z.string().trim().min(1) }).safeParse(v);
			if (!merit.success) {
				ctx.addIssue({ code: 'custom', message: 'merit must be { "reason": "…" } or null' });
				return z.NEVER;
			}
			return merit.data;
		})
		.optional()
		.transform((v) => v ?? null)
});

/**
 * A checked AssessmentInput for this catalogue, or AssessmentError listing every problem: unknown or
 * non-leaf ids, bad statuses, samples ≤ 0 on a sampled item, conforming > samples, negative or
 * fractional counts, a deduction without a reason, more than one merit. `deductions` and `merit` may be
 * left out (none). Unknown keys are ignored.
 */
export function validateAssessment(catalogue: Catalogue, input: unknown): AssessmentInput {
	const parsed = inputSchema.safeParse(input);
	const errors = parsed.success ? [] : parsed.error.issues.map((i) => `${pathLabel(i.path)}: ${i.message}`);
	const leafIds = new Set(leaves(catalogue).map((leaf) => leaf.id));
	const allIds = new Set(catalogue.items.map((i) => i.id));
	const items = (input as { items?: unknown } | null)?.items;
	if (items && typeof items === 'object' && !Array.isArray(items)) {
		for (const id of Object.keys(items)) {
			if (leafIds.has(id)) continue;
			errors.push(
				allIds.has(id)
					? `items["${id}"]: is an indicator, not a check item — give results for the check items under it`
					: `items["${id}"]: no such check item in catalogue ${catalogue.id}`
			);
		}
	}
	if (errors.length || !parsed.success) throw new AssessmentError(errors);
	return parsed.data as AssessmentInput;
}

/** The result given for a leaf, or undefined when it is not assessed. */
function resultOf(input: AssessmentInput, id: string): ItemResult | undefined {
	return Object.hasOwn(input.items, id) ? input.items[id] : undefined;
}

/** Earned points of one leaf (its result already validated). */
function earnedOf(points: number, result: ItemResult | undefined): number {
	if (!result) return 0;
	switch (result.status) {
		case 'conform':
			return points;
		case 'sampled':
			return (points * (result.conforming ?? 0)) / (result.samples ?? 1);
		default:
			return 0;
	}
}

/** The level of a score with this many special deductions. */
export function levelFor(score: number, deductions: number): Level {
	if (deductions >= MAX_DEDUCTIONS) return 'not-rated';
	const s = round9(score);
	return LEVEL_THRESHOLDS.find((t) => s >= t.min)?.level ?? 'not-rated';
}

/** Score of a validated input (validate first with `validateAssessment` when it comes from outside). */
export function score(catalogue: Catalogue, input: AssessmentInput): ScoreResult {
	const perItem: Record<string, ItemScore> = {};
	const notAssessed: string[] = [];
	let earned = 0;
	let applicable = 0;
	for (const leaf of leaves(catalogue)) {
		const points = leaf.points ?? 0;
		const result = resultOf(input, leaf.id);
		if (!result) notAssessed.push(leaf.id);
		const excluded = result?.status === 'excluded';
		const e = excluded ? 0 : earnedOf(points, result);
		const a = excluded ? 0 : points;
		perItem[leaf.id] = { points, status: result?.status ?? 'not-assessed', earned: round9(e), applicable: a };
		earned += e;
		applicable += a;
	}
	const base = applicable > 0 ? round9((earned / applicable) * 100) : 0;
	const deductions = input.deductions.length;
	const merit = input.merit ? 1 : 0;
	const total = Math.min(100, Math.max(0, round9(base - deductions + merit)));
	return {
		earned: round9(earned),
		applicable: round9(applicable),
		base,
		deductions,
		merit,
		score: total,
		level: levelFor(total, deductions),
		provisional: notAssessed.length > 0,
		notAssessed,
		perItem,
		perIndicator: indicatorScores(catalogue, perItem)
	};
}

/** Sums of the leaves under each first- and second-level item, in catalogue order. */
function indicatorScores(catalogue: Catalogue, perItem: Record<string, ItemScore>): IndicatorScore[] {
	const byId = new Map(catalogue.items.map((i) => [i.id, i]));
	const sums = new Map<string, { points: number; earned: number; applicable: number }>();
	for (const [id, s] of Object.entries(perItem)) {
		for (let at = byId.get(id); at; at = at.parent === undefined ? undefined : byId.get(at.parent)) {
			const sum = sums.get(at.id) ?? { points: 0, earned: 0, applicable: 0 };
			sum.points += s.points;
			sum.earned += s.earned;
			sum.applicable += s.applicable;
			sums.set(at.id, sum);
		}
	}
	return catalogue.items.flatMap((i): IndicatorScore[] => {
		const depth = depthOf(catalogue, i.id);
		const sum = sums.get(i.id);
		if (depth > 2 || !sum) return [];
		const earned = round9(sum.earned);
		const applicable = round9(sum.applicable);
		return [
			{
				id: i.id,
				depth,
				points: round9(sum.points),
				earned,
				applicable,
				attainment: applicable > 0 ? round9(earned / applicable) : null
			}
		];
	});
}
