import { z } from 'zod';
import { STATUSES } from '$lib/domain/assessment/scoring';

/**
 * The saved state of one assessment version, shared by the browser form and the server: the scoring
 * input (items, deductions, merit — what the pure `score()` reads) plus what only people read:
 * per-leaf notes and the decisions on statuses proposed from the data. Validated with zod at every
 * API boundary; checked against the catalogue (leaf ids, samples) by `validateAssessment`.
 */

const itemStatus = z.enum(STATUSES);

const text = (max: number) => z.string().trim().max(max);
const leafId = z.string().min(1).max(100);

export const itemSchema = z.object({
	status: itemStatus,
	samples: z.number().int().min(0).max(1_000_000).optional(),
	conforming: z.number().int().min(0).max(1_000_000).optional()
});

/** A decision on a status the data proposed: accepted as is, or overridden with a reason. */
const decisionSchema = z.discriminatedUnion('decision', [
	z.object({
		decision: z.literal('accepted'),
		proposed: itemStatus,
		value: z.number().nullable()
	}),
	z.object({
		decision: z.literal('overridden'),
		proposed: itemStatus,
		value: z.number().nullable(),
		reason: text(2000).min(1)
	})
]);

export const stateSchema = z.object({
	items: z.record(leafId, itemSchema),
	deductions: z.array(z.object({ reason: text(2000).min(1), rectification: text(2000).min(1) })).max(100),
	merit: z.object({ reason: text(2000).min(1) }).nullable(),
	notes: z.record(leafId, text(5000)).default({}),
	overrides: z.record(leafId, decisionSchema).default({})
});

export type ItemState = z.infer<typeof itemSchema>;
export type AssessmentState = z.infer<typeof stateSchema>;

export function emptyState(): AssessmentState {
	return { items: {}, deductions: [], merit: null, notes: {}, overrides: {} };
}

/** The part of the state the scoring rules read. */
export function scoringInput(
	state: AssessmentState
): Pick<AssessmentState, 'items' | 'deductions' | 'merit'> {
	return { items: state.items, deductions: state.deductions, merit: state.merit };
}

/** A sampled item's numbers are usable: whole samples > 0 and 0 ≤ conforming ≤ samples. */
export function sampleComplete(item: ItemState): boolean {
	if (item.status !== 'sampled') return true;
	const { samples, conforming } = item;
	return (
		Number.isInteger(samples) &&
		Number.isInteger(conforming) &&
		(samples as number) > 0 &&
		(conforming as number) >= 0 &&
		(conforming as number) <= (samples as number)
	);
}

/**
 * The scoring input while the user is still typing: a sampled item whose numbers are not complete yet
 * counts as not assessed (listed in `incomplete`) instead of making the whole live score fail.
 */
export function liveInput(state: AssessmentState): {
	input: Pick<AssessmentState, 'items' | 'deductions' | 'merit'>;
	incomplete: string[];
} {
	const items: AssessmentState['items'] = {};
	const incomplete: string[] = [];
	for (const [id, item] of Object.entries(state.items)) {
		if (sampleComplete(item)) items[id] = item;
		else incomplete.push(id);
	}
	const deductions = state.deductions.filter((d) => d.reason.trim() !== '');
	return { input: { items, deductions, merit: state.merit?.reason.trim() ? state.merit : null }, incomplete };
}
