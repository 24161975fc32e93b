import { leaves, type Catalogue } from '$lib/domain/assessment/catalogue';
import { AssessmentError } from '$lib/domain/assessment/errors';
import { score, validateAssessment } from '$lib/domain/assessment/scoring';
import { scoringInput, type AssessmentState } from '$lib/domain/assessment/workspace-state';
import { InvalidAssessmentError, ProvisionalError } from './errors';

/**
 * Checks a state against the catalogue it will be scored with: the scoring input by the pure
 * `validateAssessment` (the rules live there), notes and decisions by leaf id. Throws a 422 listing
 * every problem.
 */
export function checkState(catalogue: Catalogue, state: AssessmentState): void {
	const issues: string[] = [];
	try {
		validateAssessment(catalogue, scoringInput(state));
	} catch (error) {
		if (!(error instanceof AssessmentError)) throw error;
		issues.push(...error.issues);
	}
	const ids = new Set(leaves(catalogue).map((leaf) => leaf.id));
	for (const [field, record] of [
		['notes', state.notes],
		['overrides', state.overrides]
	] as const) {
		for (const id of Object.keys(record))
			if (!ids.has(id)) issues.push(`${field}["${id}"]: no such check item in catalogue ${catalogue.id}`);
	}
	if (issues.length) throw new InvalidAssessmentError('as.error.invalidAssessment', {}, issues);
}

/** Leaves without a status, in catalogue order; with `refuse`, a non-empty list throws ProvisionalError. */
export function missingLeaves(catalogue: Catalogue, state: AssessmentState, refuse = false): string[] {
	const missing = score(catalogue, scoringInput(state)).notAssessed;
	if (refuse && missing.length) throw new ProvisionalError(missing);
	return missing;
}

/** Refuses (422) a leaf id that is not a check item of the catalogue. */
export function assertLeaf(catalogue: Catalogue, leafId: string | null): void {
	if (!leaves(catalogue).some((leaf) => leaf.id === leafId))
		throw new InvalidAssessmentError('as.error.noLeaf', { leafId: String(leafId) });
}
