import type { AssessmentState } from './workspace-state';

/**
 * The rectification plan, pure: which items need a corrective action (every nonconforming check item
 * and every special deduction), matched with the actions recorded for them, and which are overdue.
 * Shared by the tracker in the browser and the overview's overdue list on the server.
 */

export const RECTIFICATION_STATUSES = ['open', 'in-progress', 'done'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

export interface Rectification {
	id: number;
	assessmentId: number;
	source: 'leaf' | 'deduction';
	leafId: string | null;
	deductionIndex: number | null;
	action: string;
	owner: string;
	/** YYYY-MM-DD */
	dueDate: string;
	status: RectificationStatus;
	createdAt: string;
	updatedAt: string;
}

export interface PlanEntry {
	/** 'leaf:1.2.3' or 'deduction:0' — stable key for the list. */
	key: string;
	source: 'leaf' | 'deduction';
	leafId: string | null;
	deductionIndex: number | null;
	/** The current state still calls for an action (false: kept for history, e.g. the leaf now conforms). */
	required: boolean;
	actions: Rectification[];
}

const keyOf = (source: 'leaf' | 'deduction', id: string | number | null) => `${source}:${id}`;

/** Today as YYYY-MM-DD in local time (due dates are calendar days, not instants). */
export function today(now = new Date()): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Not done and due before `day`. A due date of today is not overdue yet. */
export function isOverdue(r: Pick<Rectification, 'status' | 'dueDate'>, day: string): boolean {
	return r.status !== 'done' && r.dueDate < day;
}

/** What needs an action, in order: nonconforming leaves in `leafOrder`, then deductions. */
function requiredRectifications(
	state: Pick<AssessmentState, 'items' | 'deductions'>,
	leafOrder: readonly string[]
): { source: 'leaf' | 'deduction'; leafId: string | null; deductionIndex: number | null }[] {
	return [
		...leafOrder
			.filter((id) => state.items[id]?.status === 'nonconform')
			.map((leafId) => ({ source: 'leaf' as const, leafId, deductionIndex: null })),
		...state.deductions.map((_, i) => ({ source: 'deduction' as const, leafId: null, deductionIndex: i }))
	];
}

/** Required items with their recorded actions, then recorded actions no longer required. */
export function rectificationPlan(
	state: Pick<AssessmentState, 'items' | 'deductions'>,
	leafOrder: readonly string[],
	recorded: readonly Rectification[]
): PlanEntry[] {
	const byKey = new Map<string, Rectification[]>();
	for (const r of recorded) {
		const key = keyOf(r.source, r.source === 'leaf' ? r.leafId : r.deductionIndex);
		byKey.set(key, [...(byKey.get(key) ?? []), r]);
	}
	const entries: PlanEntry[] = requiredRectifications(state, leafOrder).map((need) => {
		const key = keyOf(need.source, need.source === 'leaf' ? need.leafId : need.deductionIndex);
		const actions = byKey.get(key) ?? [];
		byKey.delete(key);
		return { key, ...need, required: true, actions };
	});
	for (const [key, actions] of byKey) {
		const first = actions[0];
		entries.push({
			key,
			source: first.source,
			leafId: first.leafId,
			deductionIndex: first.deductionIndex,
			required: false,
			actions
		});
	}
	return entries;
}
