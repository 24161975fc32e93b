import { score, type ScoreResult } from '$lib/domain/assessment/scoring';
import type { Rectification } from '$lib/domain/assessment/rectification-plan';
import { scoringInput } from '$lib/domain/assessment/workspace-state';
import type { Database } from '../db/connection';
import { getAssessment, listAssessments, type Assessment } from './assessments';
import { listEvidence, type EvidenceFile } from './evidence';
import { listRectifications } from './rectifications';
import { getVersion, listVersions, type AssessmentVersion, type VersionSummary } from './versions';

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

/** A row of the assessments list: the assessment with the score and level of its newest version. */
export interface AssessmentRow extends Assessment {
	score: number;
	level: ScoreResult['level'];
	provisional: boolean;
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
