import type { AssessmentState, ItemState } from './workspace-state';

/**
 * Differences between two states, pure: what the audit log records for a saved draft and what the
 * comparison page lists as changed leaves.
 */

export interface LeafChange {
	leafId: string;
	before: ItemState | null;
	after: ItemState | null;
}

function sameItem(a: ItemState | undefined, b: ItemState | undefined): boolean {
	if (!a || !b) return a === b;
	return (
		a.status === b.status &&
		(a.samples ?? null) === (b.samples ?? null) &&
		(a.conforming ?? null) === (b.conforming ?? null)
	);
}

/** Leaves whose status (or samples) differ, in the order of `order` (the catalogue's leaf order) when given. */
export function changedLeaves(
	before: AssessmentState['items'],
	after: AssessmentState['items'],
	order?: readonly string[]
): LeafChange[] {
	const ids = new Set([...Object.keys(before), ...Object.keys(after)]);
	const sorted = order
		? [...order.filter((id) => ids.has(id)), ...[...ids].filter((id) => !order.includes(id))]
		: [...ids].sort();
	return sorted
		.filter((id) => !sameItem(before[id], after[id]))
		.map((leafId) => ({ leafId, before: before[leafId] ?? null, after: after[leafId] ?? null }));
}

/** A compact description of what a save changed, for the audit log's `detail`. */
export function stateDiff(before: AssessmentState, after: AssessmentState): Record<string, unknown> {
	const diff: Record<string, unknown> = {};
	const items = changedLeaves(before.items, after.items);
	if (items.length) diff.items = items;
	const notes = Object.keys({ ...before.notes, ...after.notes }).filter(
		(id) => (before.notes[id] ?? '') !== (after.notes[id] ?? '')
	);
	if (notes.length)
		diff.notes = notes.map((id) => ({
			leafId: id,
			before: before.notes[id] ?? null,
			after: after.notes[id] ?? null
		}));
	const overrides = Object.keys({ ...before.overrides, ...after.overrides }).filter(
		(id) => JSON.stringify(before.overrides[id] ?? null) !== JSON.stringify(after.overrides[id] ?? null)
	);
	if (overrides.length)
		diff.overrides = overrides.map((id) => ({
			leafId: id,
			before: before.overrides[id] ?? null,
			after: after.overrides[id] ?? null
		}));
	if (JSON.stringify(before.deductions) !== JSON.stringify(after.deductions))
		diff.deductions = { before: before.deductions, after: after.deductions };
	if (JSON.stringify(before.merit) !== JSON.stringify(after.merit))
		diff.merit = { before: before.merit, after: after.merit };
	return diff;
}
