import type { Assessment, AssessmentRow, AssessmentVersion, VersionView } from '$lib/domain/assessment/api';
import type { ScoreResult } from '$lib/domain/assessment/scoring';
import { score } from '$lib/domain/assessment/scoring';
import { scoringInput } from '$lib/domain/assessment/workspace-state';
import type { Database } from '../db/connection';
import { getAssessment, listAssessments } from './assessments';
import { listEvidence } from './evidence';
import { listRectifications } from './rectifications';
import { getVersion, listVersions } from './versions';
import { cachedAside } from '../metrics/cache';

export async function versionView(
	db: Database,
	assessmentId: number,
	version?: number
): Promise<VersionView> {
	const assessment = await getAssessment(db, assessmentId);
	const current = await getVersion(db, assessmentId, version);
	const [versions, evidence, rectifications] = await Promise.all([
		listVersions(db, assessmentId),
		listEvidence(db, assessmentId, current.version),
		listRectifications(db, assessmentId)
	]);
	return {
		assessment,
		versions,
		version: current,
		score: score(current.catalogue, scoringInput(current.state)),
		evidence,
		rectifications
	};
}

export async function assessmentRows(db: Database): Promise<AssessmentRow[]> {
	const list = await listAssessments(db);
	return Promise.all(
		list.map(async (a) => {
			const v = await getVersion(db, a.id, a.latestVersion);
			const s = score(v.catalogue, scoringInput(v.state));
			return { ...a, score: s.score, level: s.level, provisional: s.provisional };
		})
	);
}

/** The assessment whose final version was finalised last, with that version's score: the star status. */
export function latestFinalAssessment(
	db: Database
): Promise<{ assessment: Assessment; version: AssessmentVersion; score: ScoreResult } | null> {
	// Every overview asks; it changes only when an assessment is written (a write aside).
	return cachedAside(db, 'latest-final-assessment', async () => {
		const finals = await Promise.all(
			(await listAssessments(db))
				.filter((a) => a.finalVersion !== null)
				.map(async (assessment) => ({
					assessment,
					version: await getVersion(db, assessment.id, assessment.finalVersion!)
				}))
		);
		const latest = finals.sort((a, b) =>
			(b.version.finalisedAt ?? '').localeCompare(a.version.finalisedAt ?? '')
		)[0];
		return latest
			? { ...latest, score: score(latest.version.catalogue, scoringInput(latest.version.state)) }
			: null;
	});
}
