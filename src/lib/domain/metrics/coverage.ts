import type { Kind } from '$lib/domain/records';

/**
 * Which kinds of records a metric is computed from, and what is missing when a chart is empty or
 * partly blank: "no complaints imported" (the table is empty) or "no sales for this window" (rows
 * exist, none in the period). Pure, so the card and its tests read the same rules.
 */

/** Rows of each kind: in the table, and inside the page's from/to window. */
export type Coverage = Record<Kind, { total: number; window: number }>;

interface Needs {
	/** Without these the metric has no rows at all. */
	records: Kind[];
	/** Denominators: without them the metric has rows but its rates are blank. */
	rates: Kind[];
}

/** By metric id prefix; the longest matching prefix wins. */
const NEEDS: [prefix: string, needs: Needs][] = [
	['defects.', { records: ['repair'], rates: ['sales'] }],
	['defects.pareto', { records: ['repair'], rates: [] }],
	['warranty.', { records: ['repair'], rates: ['sales'] }],
	['repairs.', { records: ['repair'], rates: [] }],
	['cost.', { records: ['repair'], rates: [] }],
	['cost.monthly', { records: ['repair'], rates: ['sales'] }],
	['returns.', { records: ['return'], rates: [] }],
	['returns.monthly', { records: ['return'], rates: ['sales'] }],
	['complaints.', { records: ['complaint'], rates: [] }],
	['satisfaction.', { records: ['survey'], rates: [] }],
	['overview.', { records: ['repair'], rates: ['sales'] }],
	['signals', { records: ['repair'], rates: ['sales'] }]
];

export function metricNeeds(id: string): Needs {
	let best: [string, Needs] | undefined;
	for (const entry of NEEDS)
		if (id.startsWith(entry[0]) && entry[0].length > (best?.[0].length ?? -1)) best = entry;
	return best?.[1] ?? { records: [], rates: [] };
}

/** A kind that is missing: not imported at all, or without rows in the window. */
export interface MissingKind {
	kind: Kind;
	scope: 'none' | 'window';
}

const missingOf = (kinds: Kind[], coverage: Coverage): MissingKind[] =>
	kinds.flatMap((kind): MissingKind[] => {
		const c = coverage[kind];
		if (!c || c.total === 0) return [{ kind, scope: 'none' }];
		return c.window === 0 ? [{ kind, scope: 'window' }] : [];
	});

/** Why the metric has no rows: its record kinds that are missing (empty when the filters are the reason). */
export const missingRecords = (id: string, coverage: Coverage): MissingKind[] =>
	missingOf(metricNeeds(id).records, coverage);

/** Why the metric's rates are blank while it has rows: its denominator kinds that are missing. */
export const missingRates = (id: string, coverage: Coverage): MissingKind[] =>
	missingOf(metricNeeds(id).rates, coverage);
