import { describe, expect, it } from 'vitest';
import shipped from '../../../../data/standards/gbt27922-2011.json';
import { leaves, validateCatalogue, type Catalogue } from './catalogue';
import { gapToNextLevel, proposeStatus } from './gap';
import type { AssessmentInput, ItemResult } from './scoring';

/** One first-level indicator "1" with leaves named by `points`' keys. */
function flat(points: Record<string, number>): Catalogue {
	return validateCatalogue({
		id: 'flat',
		title: 'flat',
		items: [
			{ id: '1', title_zh: '一' },
			...Object.entries(points).map(([id, p]) => ({ id, parent: '1', title_zh: id, points: p }))
		]
	});
}

const input = (items: Record<string, ItemResult>, deductions = 0, merit = false): AssessmentInput => ({
	items,
	deductions: Array.from({ length: deductions }, () => ({ reason: 'r', rectification: 'fix' })),
	merit: merit ? { reason: 'lead' } : null
});
const no = { status: 'nonconform' as const };
const yes = { status: 'conform' as const };

describe('gapToNextLevel', () => {
	// base 72 (compliant): the next level, three-star, needs 8 more points.
	const c = flat({ f: 72, a: 6, b: 5, c: 4, d: 4, e: 3, g: 3, h: 3 });
	const open = { f: yes, a: no, b: no, c: no, d: no, e: no, g: no, h: no };

	it('takes the fewest leaves, then the smallest total gain, listed largest gain first', () => {
		// One leaf cannot bring 8; two can (6 + 5). Of the pairs reaching 8, 5 + 3 and 4 + 4 bring exactly 8:
		// the tie keeps the larger gain (b, then the first 3-point leaf e).
		const gap = gapToNextLevel(c, input(open));
		expect(gap).toMatchObject({
			current: 'compliant',
			score: 72,
			target: 'three-star',
			targetScore: 80,
			needed: 8,
			reachable: true,
			blocked: null,
			scoreAfter: 80,
			levelAfter: 'three-star'
		});
		expect(gap.items.map((i) => [i.id, i.gain])).toEqual([
			['b', 5],
			['e', 3]
		]);
	});

	it('prefers one sufficient leaf over several, and the smallest one that suffices', () => {
		const gap = gapToNextLevel(c, input({ ...open, a: yes, b: yes, c: yes })); // 87: needs 3 to 90
		expect(gap.target).toBe('four-star');
		expect(gap.items.map((i) => i.id)).toEqual(['e']);
	});

	it('counts partial sampled leaves and not-assessed leaves as candidates with their remaining points', () => {
		const gap = gapToNextLevel(
			c,
			input({ f: yes, a: { status: 'sampled', samples: 2, conforming: 1 }, b: yes, e: yes, g: yes, h: yes })
		);
		// earned 72 + 3 + 5 + 9 = 89, c and d not assessed: needs 1 to reach 90.
		expect(gap.score).toBe(89);
		expect(gap.items).toEqual([{ id: 'a', status: 'sampled', points: 6, earned: 3, gain: 3 }]);
	});

	it('scales gains by the applicable points when items are excluded', () => {
		const half = flat({ f: 40, x: 50, a: 10 });
		const gap = gapToNextLevel(half, input({ f: yes, x: { status: 'excluded' }, a: no }));
		expect(gap).toMatchObject({ score: 80, target: 'four-star', needed: 10 });
		expect(gap.items).toEqual([{ id: 'a', status: 'nonconform', points: 10, earned: 0, gain: 20 }]);
	});

	it('accounts for deductions and merit in what is needed', () => {
		const gap = gapToNextLevel(c, input(open, 2, true)); // 72 − 2 + 1 = 71
		expect(gap).toMatchObject({ score: 71, needed: 9 });
		expect(gap.items.map((i) => i.id)).toEqual(['a', 'e']);
	});

	it('says when only removing deductions helps, and when nothing is left to gain', () => {
		expect(gapToNextLevel(c, input(open, 5))).toMatchObject({
			current: 'not-rated',
			target: 'compliant',
			reachable: false,
			blocked: 'deductions',
			items: []
		});
		const excluded = { status: 'excluded' as const };
		expect(gapToNextLevel(flat({ a: 100 }), input({ a: excluded }))).toMatchObject({
			target: 'compliant',
			reachable: false,
			blocked: 'points'
		});
	});

	it('has no next level at five-star', () => {
		expect(gapToNextLevel(flat({ a: 100 }), input({ a: yes }))).toMatchObject({
			current: 'five-star',
			target: null,
			reachable: true,
			items: []
		});
	});

	it('works on the shipped catalogue with nothing assessed (the fewest leaves to reach compliant)', () => {
		const catalogue = validateCatalogue(shipped);
		const gap = gapToNextLevel(catalogue, input({}));
		const all = leaves(catalogue)
			.map((l) => l.points ?? 0)
			.sort((x, y) => y - x);
		let k = 0;
		for (let sum = 0; sum < 70; k++) sum += all[k];
		expect(gap).toMatchObject({ reachable: true, needed: 70, levelAfter: 'compliant' });
		expect(gap.items).toHaveLength(k);
		expect(gap.items.reduce((s, i) => s + i.gain, 0)).toBeCloseTo(70, 9);
		const gains = gap.items.map((i) => i.gain);
		expect(gains).toEqual([...gains].sort((x, y) => y - x));
	});
});

describe('proposeStatus', () => {
	it('min: conforming at or above the threshold', () => {
		expect(proposeStatus(0.9, { threshold: 0.9, direction: 'min' })).toBe('conform');
		expect(proposeStatus(0.3 + 0.6, { threshold: 0.9, direction: 'min' })).toBe('conform');
		expect(proposeStatus(0.8999, { threshold: 0.9, direction: 'min' })).toBe('nonconform');
	});
	it('max: conforming at or below the threshold', () => {
		expect(proposeStatus(0.03, { threshold: 0.03, direction: 'max' })).toBe('conform');
		expect(proposeStatus(0.031, { threshold: 0.03, direction: 'max' })).toBe('nonconform');
	});
	it('no value, no proposal', () => {
		expect(proposeStatus(null, { threshold: 1, direction: 'min' })).toBeNull();
		expect(proposeStatus(undefined, { threshold: 1, direction: 'min' })).toBeNull();
		expect(proposeStatus(Number.NaN, { threshold: 1, direction: 'max' })).toBeNull();
	});
});
