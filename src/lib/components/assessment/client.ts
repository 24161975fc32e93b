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

/**
 * Browser calls of the assessment pages. A failure is an ApiFailure carrying the server's message,
 * status and code (409 `locked`, 409 `provisional` with `missing`, 422 `invalid_catalogue` with `issues`).
 */

export class ApiFailure extends Error {
	constructor(
		message: string,
		readonly status: number,
		readonly body: Record<string, unknown> = {}
	) {
		super(message);
		this.name = 'ApiFailure';
	}
	get code(): string | undefined {
		return typeof this.body.code === 'string' ? this.body.code : undefined;
	}
}

async function call<T>(url: string, init: RequestInit = {}): Promise<T> {
	let response: Response;
	try {
		response = await fetch(url, init);
	} catch (error) {
		throw new ApiFailure((error as Error).message, 0);
	}
	const text = await response.text();
	let body: Record<string, unknown>;
	try {
		body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
	} catch {
		body = { error: text.trim() };
	}
	if (!response.ok)
		throw new ApiFailure(
			typeof body.error === 'string' ? body.error : `HTTP ${response.status}`,
			response.status,
			body
		);
	return body as T;
}

const jsonInit = (method: string, body: unknown): RequestInit => ({
	method,
	headers: { 'content-type': 'application/json' },
	body: JSON.stringify(body)
});

/** Raw bytes, not a form: the body streams to disk on the server and skips the CSRF form check. */
const rawInit = (file: File): RequestInit => ({
	method: 'POST',
	headers: { 'content-type': 'application/octet-stream' },
	body: file
});

const base = (id: number) => `/api/assessments/${id}`;
const versionUrl = (id: number, version: number) => `${base(id)}/versions/${version}`;

export const assessmentApi = {
	create: (input: NewAssessment & { catalogue?: Catalogue }) =>
		call<Assessment>('/api/assessments', jsonInit('POST', input)),
	checkCatalogue: (file: File) =>
		call<CatalogueCheck>(`/api/assessments/catalogue?name=${encodeURIComponent(file.name)}`, rawInit(file)),
	save: (id: number, version: number, state: AssessmentState) =>
		call<VersionView>(versionUrl(id, version), jsonInit('PUT', state)),
	finalise: (id: number, version: number) =>
		call<VersionView>(`${versionUrl(id, version)}/finalise`, { method: 'POST' }),
	newDraft: (id: number, version: number) =>
		call<VersionView>(`${versionUrl(id, version)}/draft`, { method: 'POST' }),
	uploadEvidence: (id: number, version: number, leafId: string, file: File) =>
		call<EvidenceUpload>(
			`${base(id)}/evidence?version=${version}&leaf=${encodeURIComponent(leafId)}&name=${encodeURIComponent(file.name)}`,
			rawInit(file)
		),
	createRectification: (id: number, input: NewRectification) =>
		call<Rectification>(`${base(id)}/rectifications`, jsonInit('POST', input)),
	updateRectification: (id: number, rid: number, patch: RectificationPatch) =>
		call<Rectification>(`${base(id)}/rectifications/${rid}`, jsonInit('PATCH', patch))
};

export const evidenceHref = (assessmentId: number, evidenceId: number) =>
	`${base(assessmentId)}/evidence/${evidenceId}`;
