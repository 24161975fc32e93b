import type { CompareSide, Comparison, VersionRef } from '$lib/domain/assessment/api';
import { leaves } from '$lib/domain/assessment/catalogue';
import { score } from '$lib/domain/assessment/scoring';
import { changedLeaves } from '$lib/domain/assessment/compare';
import { scoringInput } from '$lib/domain/assessment/workspace-state';
import type { Database } from '../db/connection';
import { getAssessment } from './assessments';
import { getVersion } from './versions';

/**
 * Two assessments (or two versions of one) side by side — e.g. this year's surveillance audit against
 * last year's. Scores come from the pure `score()` with each version's own catalogue snapshot; changed
 * leaves are matched by id, so two editions of a catalogue compare on the items they share.
 */

async function side(db: Database, ref: VersionRef) {
	const assessment = await getAssessment(db, ref.assessmentId);
	const { state, catalogue, ...version } = await getVersion(db, ref.assessmentId, ref.version);
	const view: CompareSide = {
		assessment,
		version,
		score: score(catalogue, scoringInput(state)),
		titles: Object.fromEntries(catalogue.items.map((i) => [i.id, { zh: i.title_zh, en: i.title_en }]))
	};
	return { view, order: leaves(catalogue).map((l) => l.id), items: state.items };
}

export async function compareVersions(db: Database, a: VersionRef, b: VersionRef): Promise<Comparison> {
	const [left, right] = await Promise.all([side(db, a), side(db, b)]);
	const order = [...left.order, ...right.order.filter((id) => !left.order.includes(id))];
	return { a: left.view, b: right.view, changed: changedLeaves(left.items, right.items, order) };
}
