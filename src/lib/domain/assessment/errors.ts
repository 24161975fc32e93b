/** A catalogue (JSON or sheet) that cannot be used; `issues` lists every problem, each naming the item or row. */
export class CatalogueError extends Error {
	constructor(readonly issues: string[]) {
		super(`invalid catalogue: ${issues.join('; ')}`);
		this.name = 'CatalogueError';
	}
}

/** An assessment input that does not fit its catalogue; `issues` lists every problem, each naming the item. */
export class AssessmentError extends Error {
	constructor(readonly issues: string[]) {
		super(`invalid assessment: ${issues.join('; ')}`);
		this.name = 'AssessmentError';
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
