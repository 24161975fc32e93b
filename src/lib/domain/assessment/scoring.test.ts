import { describe, expect, it } from 'vitest';
import { validateCatalogue, type Catalogue } from './catalogue';
import { AssessmentError } from './errors';
import { levelFor, score, validateAssessment, type AssessmentInput, type ItemResult } from './scoring';

/** One first-level indicator "1" with leaves "1.1", "1.2", … of these points. */
function flat(points: number[]): Catalogue {
	return validateCatalogue({
		id: 'flat',
		title: 'flat',
		items: [
			{ id: '1', title_zh: '一' },
			...points.map((p, i) => ({ id: `1.${i + 1}`, parent: '1', title_zh: `项${i + 1}`, points: p }))
		]
	});
}

const input = (items: Record<string, ItemResult>, deductions = 0, merit = false): AssessmentInput => ({
	items,
	deductions: Array.from({ length: deductions }, (_, i) => ({ reason: `r${i}`, rectification: 'fix' })),
	merit: merit ? { reason: 'lead' } : null
});

const conform = (...ids: string[]) =>
	Object.fromEntries(ids.map((id) => [id, { status: 'conform' as const }]));

/** Score of a two-leaf catalogue {p, 100 − p} with only the first leaf conforming (one leaf for 100). */
const scoreOf = (p: number, deductions = 0, merit = false) => {
	if (p === 100) return score(flat([100]), input(conform('1.1'), deductions, merit));
	const c = flat([p, 100 - p]);
	return score(c, input({ ...conform('1.1'), '1.2': { status: 'nonconform' } }, deductions, merit));
};

describe('per-item rules', () => {
	const c = flat([40, 30, 20, 10]);
	it('conform earns its points, nonconform none, sampled points × conforming ÷ samples', () => {
		const r = score(
			c,
			input({
				'1.1': { status: 'conform' },
				'1.2': { status: 'nonconform' },
				'1.3': { status: 'sampled', samples: 8, conforming: 6 },
				'1.4': { status: 'conform', samples: 5, conforming: 1 }
			})
		);
		expect(r.perItem['1.3']).toEqual({ points: 20, status: 'sampled', earned: 15, applicable: 20 });
		expect(r.perItem['1.4'].earned).toBe(10); // samples on a conforming item change nothing
		expect(r).toMatchObject({ earned: 65, applicable: 100, base: 65, score: 65, provisional: false });
	});
	it('an excluded item leaves both totals', () => {
		const r = score(c, input({ ...conform('1.1', '1.3', '1.4'), '1.2': { status: 'excluded' } }));
		expect(r.perItem['1.2']).toEqual({ points: 30, status: 'excluded', earned: 0, applicable: 0 });
		expect(r).toMatchObject({ earned: 70, applicable: 70, base: 100, level: 'five-star' });
	});
	it('nothing applicable gives base 0', () => {
		const excluded = { status: 'excluded' as const };
		const r = score(c, input({ '1.1': excluded, '1.2': excluded, '1.3': excluded, '1.4': excluded }));
		expect(r).toMatchObject({ earned: 0, applicable: 0, base: 0, score: 0, level: 'not-rated' });
		expect(r.perIndicator[0].attainment).toBeNull();
	});
	it('leaves not assessed count as applicable and earn nothing: a provisional lower bound', () => {
		const r = score(c, input(conform('1.1', '1.2')));
		expect(r).toMatchObject({
			earned: 70,
			applicable: 100,
			score: 70,
			level: 'compliant',
			provisional: true
		});
		expect(r.notAssessed).toEqual(['1.3', '1.4']);
		expect(r.perItem['1.4'].status).toBe('not-assessed');
	});
});

describe('level thresholds at their edges', () => {
	it.each([
		[69.99, 'not-rated'],
		[70, 'compliant'],
		[79.99, 'compliant'],
		[80, 'three-star'],
		[89.99, 'three-star'],
		[90, 'four-star'],
		[94.99, 'four-star'],
		[95, 'five-star']
	])('%s → %s', (p, level) => {
		const r = scoreOf(p);
		expect(r.score).toBe(p);
		expect(r.level).toBe(level);
	});
	it('edges reached through a deduction or the merit', () => {
		expect(scoreOf(71, 1)).toMatchObject({ score: 70, level: 'compliant' });
		expect(scoreOf(69, 0, true)).toMatchObject({ score: 70, level: 'compliant' });
		expect(scoreOf(95, 1)).toMatchObject({ score: 94, level: 'four-star' });
	});
	it('floating-point noise does not cross an edge (500 items of 0.2 points, 350 conforming)', () => {
		const c = flat(Array.from({ length: 500 }, () => 0.2));
		const ids = c.items.slice(1, 351).map((i) => i.id);
		const r = score(c, input(conform(...ids)));
		expect(r).toMatchObject({ score: 70, level: 'compliant' });
	});
	it('levelFor', () => {
		expect(levelFor(100, 4)).toBe('five-star');
		expect(levelFor(100, 5)).toBe('not-rated');
		expect(levelFor(69.9999999999, 0)).toBe('compliant'); // within 1e-9 of 70
		expect(levelFor(69.999999, 0)).toBe('not-rated');
	});
});

describe('special deductions and merit', () => {
	it('−1 per deduction; five or more fail whatever the score', () => {
		expect(scoreOf(100, 4)).toMatchObject({ score: 96, deductions: 4, level: 'five-star' });
		expect(scoreOf(100, 5)).toMatchObject({ score: 95, deductions: 5, level: 'not-rated' });
	});
	it('+1 for the merit, capped at 100; never below 0', () => {
		expect(scoreOf(99.5, 0, true)).toMatchObject({ base: 99.5, merit: 1, score: 100 });
		expect(scoreOf(2, 4)).toMatchObject({ base: 2, score: 0 });
	});
});

describe('perIndicator', () => {
	it('sums first- and second-level indicators in catalogue order', () => {
		const c = validateCatalogue({
			id: 't',
			title: 't',
			items: [
				{ id: '1', title_zh: '一' },
				{ id: '1.1', parent: '1', title_zh: '一一' },
				{ id: '1.1.1', parent: '1.1', title_zh: 'a', points: 30 },
				{ id: '1.1.2', parent: '1.1', title_zh: 'b', points: 30 },
				{ id: '2', title_zh: '二' },
				{ id: '2.1', parent: '2', title_zh: '二一', points: 40 }
			]
		});
		const r = score(c, input({ ...conform('1.1.1', '2.1'), '1.1.2': { status: 'excluded' } }));
		expect(r.perIndicator).toEqual([
			{ id: '1', depth: 1, points: 60, earned: 30, applicable: 30, attainment: 1 },
			{ id: '1.1', depth: 2, points: 60, earned: 30, applicable: 30, attainment: 1 },
			{ id: '2', depth: 1, points: 40, earned: 40, applicable: 40, attainment: 1 },
			{ id: '2.1', depth: 2, points: 40, earned: 40, applicable: 40, attainment: 1 }
		]);
	});
});

describe('validateAssessment', () => {
	const c = flat([50, 50]);
	const errors = (value: unknown): string[] => {
		try {
			validateAssessment(c, value);
		} catch (error) {
			expect(error).toBeInstanceOf(AssessmentError);
			return (error as AssessmentError).issues;
		}
		throw new Error('expected an AssessmentError');
	};

	it('accepts a file without deductions or merit', () => {
		expect(validateAssessment(c, { items: conform('1.1') })).toEqual({
			items: conform('1.1'),
			deductions: [],
			merit: null
		});
	});
	it('unknown ids and indicator ids', () => {
		const items = {
			'9.9': { status: 'conform' },
			'1': { status: 'conform' },
			constructor: { status: 'conform' }
		};
		expect(errors({ items })).toEqual([
			'items["1"]: is an indicator, not a check item — give results for the check items under it',
			'items["9.9"]: no such check item in catalogue flat',
			'items["constructor"]: no such check item in catalogue flat'
		]);
	});
	it('sampled items: samples > 0, conforming ≤ samples, whole non-negative numbers', () => {
		expect(errors({ items: { '1.1': { status: 'sampled', samples: 10, conforming: 11 } } })).toEqual([
			'items["1.1"].conforming: conforming (11) is more than samples (10)'
		]);
		expect(errors({ items: { '1.1': { status: 'sampled', samples: 0, conforming: 0 } } })).toEqual([
			'items["1.1"].samples: samples must be greater than 0'
		]);
		expect(errors({ items: { '1.1': { status: 'sampled' } } })).toEqual([
			'items["1.1"].samples: a sampled item needs samples',
			'items["1.1"].conforming: a sampled item needs conforming'
		]);
		expect(errors({ items: { '1.1': { status: 'sampled', samples: -3, conforming: 1.5 } } })).toEqual([
			'items["1.1"].samples: must not be negative',
			'items["1.1"].conforming: must be a whole number'
		]);
	});
	it('bad statuses, deductions without a reason, two merits', () => {
		const found = errors({
			items: { '1.1': { status: 'ok' } },
			deductions: [{ reason: ' ', rectification: 'x' }],
			merit: [{ reason: 'a' }, { reason: 'b' }]
		});
		expect(found).toEqual([
			expect.stringMatching(/^items\["1\.1"\]\.status: /),
			'deductions[0].reason: a special deduction needs a reason',
			'merit: at most one special merit counts; give one { "reason" } or null, not a list of 2'
		]);
		expect(errors({ items: {}, merit: { why: 'x' } })).toEqual([
			'merit: merit must be { "reason": "…" } or null'
		]);
	});
	it('not an assessment at all', () => {
		expect(errors(42)[0]).toMatch(/^\(root\): /);
		expect(errors({})[0]).toMatch(/^items: /);
	});
});
