import { missingRecords, type Coverage, type MissingKind } from '$lib/domain/metrics/coverage';

/**
 * Whether a rate lacks its sales denominator: the metric has rows (repairs, returns …) but no
 * row has sales behind it, so the rate line would be blank. Null denominators are not "missing":
 * they mean the rate does not apply (e.g. returns with a supplier filter — sales have no supplier).
 */
export function lacksSales<R>(rows: readonly R[], denominator: (row: R) => number | null): boolean {
	if (rows.length === 0) return false;
	const values = rows.map(denominator);
	return values.some((v) => v !== null) && values.every((v) => v === null || v === 0);
}

/**
 * The record kinds missing behind a set of metrics (a page with nothing to show), each kind once,
 * "not imported" before "none in the window"; empty without coverage or when none is missing.
 */
export function pageMissing(
	blocks: readonly { id: string }[],
	coverage: Coverage | undefined
): MissingKind[] {
	if (!coverage) return [];
	const byKind = new Map<string, MissingKind>();
	for (const block of blocks)
		for (const m of missingRecords(block.id, coverage)) if (!byKind.has(m.kind)) byKind.set(m.kind, m);
	return [...byKind.values()].sort((a, b) => Number(a.scope === 'window') - Number(b.scope === 'window'));
}
