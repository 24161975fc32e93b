/**
 * Errors of the assessment workspace. Each carries the HTTP status the API answers with and a code
 * the UI can react to (409 `locked` → show the read-only view), so routes stay free of mapping logic.
 * Messages are bilingual because the lib does not know the caller's locale (CLI, tests, web).
 */
export class WorkspaceError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly details?: Record<string, unknown>
	) {
		super(message);
		this.name = 'WorkspaceError';
	}
}

/** A finalised version was asked to change. */
export class LockedError extends WorkspaceError {
	constructor(assessmentId: number, version: number) {
		super(
			409,
			'locked',
			`第 ${version} 版已定稿，不能修改；请从该版本新建草稿。/ Version ${version} of assessment ${assessmentId} is final and locked; start a new draft from it.`,
			{ assessmentId, version }
		);
	}
}

/** Finalising was refused because some leaves have no status yet. */
export class ProvisionalError extends WorkspaceError {
	constructor(readonly missing: string[]) {
		super(
			409,
			'provisional',
			`还有 ${missing.length} 个检查项未评价，不能定稿。/ ${missing.length} check item(s) not assessed yet; a provisional assessment cannot be finalised.`,
			{ missing }
		);
	}
}

export class NotFoundError extends WorkspaceError {
	constructor(what: string) {
		super(404, 'not_found', `找不到 ${what}。/ ${what} not found.`);
	}
}

/** Input that is well-formed JSON but wrong for this catalogue (unknown leaf, conforming > samples …). */
export class InvalidAssessmentError extends WorkspaceError {
	constructor(message: string, details?: Record<string, unknown>) {
		super(422, 'invalid', message, details);
	}
}

/** A draft already exists: only one draft at a time, so two people do not edit two drafts apart. */
export class DraftExistsError extends WorkspaceError {
	constructor(version: number) {
		super(
			409,
			'draft_exists',
			`已有草稿（第 ${version} 版），请继续编辑该草稿。/ Version ${version} is already a draft; continue editing it.`,
			{ version }
		);
	}
}

/** A catalogue (the default file or an uploaded sheet) that cannot be used; `issues` name the items or rows. */
export class InvalidCatalogueError extends WorkspaceError {
	constructor(
		readonly source: string,
		readonly issues: string[]
	) {
		super(422, 'invalid_catalogue', `${source}: ${issues.join('; ')}`, { issues });
	}
}
