import type {
	Assessment,
	CatalogueCheck,
	EvidenceUpload,
	NewAssessment,
	NewRectification,
	RectificationPatch,
	VersionView
} from '$lib/domain/assessment/api';
import type { Catalogue } from '$lib/domain/assessment/catalogue';
import type { Rectification } from '$lib/domain/assessment/rectification-plan';
import type { AssessmentState } from '$lib/domain/assessment/workspace-state';

import { fileBody, jsonBody, requestJson } from './api';

/** Calls of the assessment pages (409 `locked`, 409 `provisional` with `missing`, 422 `invalid_catalogue` with `issues`). */

const base = (id: number) => `/api/assessments/${id}`;
const versionUrl = (id: number, version: number) => `${base(id)}/versions/${version}`;

export const assessmentApi = {
	create: (input: NewAssessment & { catalogue?: Catalogue }) =>
		requestJson<Assessment>('/api/assessments', jsonBody('POST', input)),
	checkCatalogue: (file: File) =>
		requestJson<CatalogueCheck>(
			`/api/assessments/catalogue?name=${encodeURIComponent(file.name)}`,
			fileBody(file)
		),
	save: (id: number, version: number, state: AssessmentState) =>
		requestJson<VersionView>(versionUrl(id, version), jsonBody('PUT', state)),
	finalise: (id: number, version: number) =>
		requestJson<VersionView>(`${versionUrl(id, version)}/finalise`, { method: 'POST' }),
	newDraft: (id: number, version: number) =>
		requestJson<VersionView>(`${versionUrl(id, version)}/draft`, { method: 'POST' }),
	uploadEvidence: (id: number, version: number, leafId: string, file: File) =>
		requestJson<EvidenceUpload>(
			`${base(id)}/evidence?version=${version}&leaf=${encodeURIComponent(leafId)}&name=${encodeURIComponent(file.name)}`,
			fileBody(file)
		),
	createRectification: (id: number, input: NewRectification) =>
		requestJson<Rectification>(`${base(id)}/rectifications`, jsonBody('POST', input)),
	updateRectification: (id: number, rid: number, patch: RectificationPatch) =>
		requestJson<Rectification>(`${base(id)}/rectifications/${rid}`, jsonBody('PATCH', patch))
};

export const evidenceHref = (assessmentId: number, evidenceId: number) =>
	`${base(assessmentId)}/evidence/${evidenceId}`;
