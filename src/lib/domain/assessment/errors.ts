import { UserError } from '$lib/domain/errors';
import type { Locale, MessageKey } from '$lib/i18n';

/** "headline: issue; issue" — how every error listing the problems of a catalogue or an input reads. */
export function withIssues(headline: string, issues: readonly string[]): string {
	return `${headline}: ${issues.join('; ')}`;
}

/**
 * A document that cannot be used, with every problem found in it. The headline is a message; the
 * issues are not, they name the item or row and the rule as the validator found them.
 */
class IssuesError extends UserError {
	constructor(
		key: MessageKey,
		readonly issues: string[]
	) {
		super(key, {}, { issues });
		this.message = withIssues(this.message, issues);
	}

	override in(locale: Locale): string {
		return withIssues(super.in(locale), this.issues);
	}
}

/** A catalogue (JSON or sheet) that cannot be used; `issues` lists every problem, each naming the item or row. */
export class CatalogueError extends IssuesError {
	constructor(issues: string[]) {
		super('as.error.invalidCatalogue', issues);
	}
}

/** An assessment input that does not fit its catalogue; `issues` lists every problem, each naming the item. */
export class AssessmentError extends IssuesError {
	constructor(issues: string[]) {
		super('as.error.invalidAssessment', issues);
	}
}

/** `items["1.1.1"].samples`, `items[0].reason` — a zod issue path as the user would point at it. */
export function pathLabel(path: readonly PropertyKey[]): string {
	if (!path.length) return '(root)';
	return path
		.map((key, i) =>
			typeof key === 'number'
				? `[${key}]`
				: typeof key === 'string' && /^[A-Za-z_]\w*$/.test(key)
					? `${i ? '.' : ''}${key}`
					: `[${JSON.stringify(String(key))}]`
		)
		.join('');
}
