import type { AssessmentRow, VersionView } from '$lib/domain/assessment/api';
import { score } from '$lib/domain/assessment/scoring';
import { scoringInput } from '$lib/domain/assessment/workspace-state';
import type { Database } from '../db/connection';
import { getAssessment, listAssessments } from './assessments';
import { listEvidence } from './evidence';
import { listRectifications } from './rectifications';
import { getVersion, listVersions } from './versions';

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
