import { describe, expect, it } from 'vitest';
import { changedLeaves, stateDiff } from './compare';
import { isOverdue, rectificationPlan, today } from './rectification-plan';
import { emptyState, liveInput, stateSchema } from './workspace-state';

describe('workspace state', () => {
	it('validates decisions: an override needs a reason', () => {
		const base = { items: {}, deductions: [], merit: null };
		expect(stateSchema.parse(base)).toEqual(emptyState());
		const override = { decision: 'overridden', proposed: 'conform', value: 0.95 };
		expect(stateSchema.safeParse({ ...base, overrides: { a: override } }).success).toBe(false);
		expect(
			stateSchema.safeParse({ ...base, overrides: { a: { ...override, reason: '抽查不合格' } } }).success
		).toBe(true);
	});

	it('scores live only the sampled items whose numbers are complete', () => {
		const { input, incomplete } = liveInput({
			...emptyState(),
			items: {
				a: { status: 'sampled', samples: 10 },
				b: { status: 'sampled', samples: 4, conforming: 5 },
				c: { status: 'sampled', samples: 4, conforming: 3 },
				d: { status: 'conform' }
			},
			deductions: [{ reason: ' ', rectification: '' }],
			merit: { reason: '' }
		});
		expect(incomplete).toEqual(['a', 'b']);
		expect(Object.keys(input.items)).toEqual(['c', 'd']);
		expect(input.deductions).toEqual([]);
		expect(input.merit).toBeNull();
	});

	it('lists changed leaves in catalogue order and describes a save', () => {
		const before = {
			...emptyState(),
			items: { x: { status: 'conform' as const }, y: { status: 'nonconform' as const } }
		};
		const after = {
			...before,
			items: {
				y: { status: 'conform' as const },
				x: { status: 'conform' as const },
				z: { status: 'excluded' as const }
			},
			notes: { x: 'n' }
		};
		expect(changedLeaves(before.items, after.items, ['z', 'y', 'x']).map((c) => c.leafId)).toEqual([
			'z',
			'y'
		]);
		expect(Object.keys(stateDiff(before, after))).toEqual(['items', 'notes']);
	});

	it('plans rectifications and flags overdue ones', () => {
		const state = {
			items: { a: { status: 'nonconform' as const }, b: { status: 'conform' as const } },
			deductions: [{ reason: 'r', rectification: 'x' }]
		};
		const done = {
			id: 1,
			assessmentId: 1,
			source: 'leaf' as const,
			leafId: 'b',
			deductionIndex: null,
			action: 'x',
			owner: 'o',
			dueDate: '2025-01-01',
			status: 'done' as const,
			createdAt: '',
			updatedAt: ''
		};
		const plan = rectificationPlan(state, ['a', 'b'], [done]);
		expect(plan.map((p) => [p.key, p.required])).toEqual([
			['leaf:a', true],
			['deduction:0', true],
			['leaf:b', false]
		]);
		expect(isOverdue(done, '2026-01-01')).toBe(false);
		expect(isOverdue({ ...done, status: 'open' }, '2025-01-02')).toBe(true);
		expect(today(new Date(2025, 0, 5))).toBe('2025-01-05');
	});
});
