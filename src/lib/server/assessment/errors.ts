import { withIssues } from '$lib/domain/assessment/errors';
import { UserError } from '$lib/domain/errors';
import type { Locale, MessageKey, Params } from '$lib/i18n';

/**
 * Errors of the assessment workspace. Each carries the HTTP status the API answers with and a code
 * the UI can react to (409 `locked` → show the read-only view), so routes stay free of mapping logic.
 * The text is a message key (as.error.*), said in both languages where the reader's is unknown; a
 * refused document also lists its `issues` (sent as details too).
 */
export class WorkspaceError extends UserError {
	readonly issues: string[] | undefined;

	constructor(
		readonly status: number,
		readonly code: string,
		key: MessageKey,
		params: Params = {},
		details?: Record<string, unknown>,
		issues?: string[]
	) {
		super(key, params, issues ? { ...details, issues } : details);
		this.issues = issues;
		if (issues) this.message = withIssues(this.message, issues);
	}

	override in(locale: Locale): string {
		return this.issues ? withIssues(super.in(locale), this.issues) : super.in(locale);
	}
}

/** A finalised version was asked to change. */
export class LockedError extends WorkspaceError {
	constructor(assessmentId: number, version: number) {
		super(409, 'locked', 'as.error.locked', { assessmentId, version }, { assessmentId, version });
	}
}

/** Finalising was refused because some leaves have no status yet. */
export class ProvisionalError extends WorkspaceError {
	constructor(readonly missing: string[]) {
		super(409, 'provisional', 'as.error.provisional', { n: missing.length }, { missing });
	}
}

/** An assessment, version, evidence file or rectification that does not exist (as.error.notFound.*). */
export class NotFoundError extends WorkspaceError {
	constructor(key: MessageKey, params: Params) {
		super(404, 'not_found', key, params);
	}
}

/** Input that is well-formed JSON but wrong for this catalogue (unknown leaf, conforming > samples …). */
export class InvalidAssessmentError extends WorkspaceError {
	constructor(key: MessageKey, params: Params = {}, issues?: string[]) {
		super(422, 'invalid', key, params, undefined, issues);
	}
}

/** A draft already exists: only one draft at a time, so two people do not edit two drafts apart. */
export class DraftExistsError extends WorkspaceError {
	constructor(version: number) {
		super(409, 'draft_exists', 'as.error.draftExists', { version }, { version });
	}
}

/** A catalogue (the default file or an uploaded sheet) that cannot be used; `issues` name the items or rows. */
export class InvalidCatalogueError extends WorkspaceError {
	constructor(
		readonly source: string,
		override readonly issues: string[]
	) {
		super(422, 'invalid_catalogue', 'as.error.catalogueFile', { source }, undefined, issues);
	}
}
