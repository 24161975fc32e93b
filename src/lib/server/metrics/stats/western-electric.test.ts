import { describe, expect, it } from 'vitest';
import { westernElectricRules } from './western-electric';

// Each series is built to complete one rule at its last point and no other rule anywhere.
describe('westernElectricRules', () => {
	it('rule 1: a point beyond 3σ on either side, not one exactly on the limit', () => {
		expect(westernElectricRules([0, 3.5])).toEqual([[], [1]]);
		expect(westernElectricRules([0, -3.2])).toEqual([[], [1]]);
		expect(westernElectricRules([0, 3, -3])).toEqual([[], [], []]);
		expect(westernElectricRules([Infinity])).toEqual([[1]]);
	});

	it('rule 2: two of the last three beyond 2σ on the same side, this point one of them', () => {
		expect(westernElectricRules([2.5, 0.5, 2.5])).toEqual([[], [], [2]]);
		expect(westernElectricRules([-2.5, -0.5, -2.5])).toEqual([[], [], [2]]);
		// Opposite sides, or the first hit four points back: no pattern.
		expect(westernElectricRules([2.5, 0, -2.5])).toEqual([[], [], []]);
		expect(westernElectricRules([2.5, 0, 0, 2.5])).toEqual([[], [], [], []]);
		// The point after a completed pattern is not beyond 2σ itself, so it completes nothing.
		expect(westernElectricRules([0, 2.5, 2.5, 0])).toEqual([[], [], [2], []]);
		// Exactly 2σ is not beyond.
		expect(westernElectricRules([2, 0.5, 2])).toEqual([[], [], []]);
	});

	it('rule 3: four of the last five beyond 1σ on the same side, this point one of them', () => {
		expect(westernElectricRules([1.5, 1.5, 0, 1.5, 1.5])).toEqual([[], [], [], [], [3]]);
		expect(westernElectricRules([-1.5, -1.5, 0.5, -1.5, -1.5])).toEqual([[], [], [], [], [3]]);
		expect(westernElectricRules([1.5, 1.5, -1.5, 1.5, 0.5])).toEqual([[], [], [], [], []]);
		expect(westernElectricRules([1, 1.5, 1.5, 0, 1.5])).toEqual([[], [], [], [], []]);
	});

	it('rule 4: eight in a row on one side of the centre; a point on the centre breaks the run', () => {
		const run = Array<number>(8).fill(0.5);
		expect(westernElectricRules(run)).toEqual([[], [], [], [], [], [], [], [4]]);
		expect(westernElectricRules(run.map((v) => -v)).at(-1)).toEqual([4]);
		expect(westernElectricRules([...run.slice(0, 7), 0]).flat()).toEqual([]);
		expect(westernElectricRules([0.5, 0.5, 0.5, -0.5, 0.5, 0.5, 0.5, 0.5]).flat()).toEqual([]);
		// A ninth point on the same side completes a new run of eight.
		expect(westernElectricRules([...run, 0.5]).at(-1)).toEqual([4]);
	});

	it('lists every rule a point completes at once, in rule order', () => {
		// Last point: beyond 3σ (1), with the previous one beyond 2σ (2), four of five beyond 1σ (3),
		// and the eighth in a row above the centre (4).
		expect(westernElectricRules([0.5, 0.5, 0.5, 0.5, 1.5, 1.5, 2.5, 3.5]).at(-1)).toEqual([1, 2, 3, 4]);
	});

	it('judges rules 2–4 on full windows only: nothing before the third, fifth and eighth point', () => {
		expect(westernElectricRules([])).toEqual([]);
		// Two of two beyond 2σ and four of four beyond 1σ are not yet 2 of 3 or 4 of 5.
		expect(westernElectricRules([2.5, 2.5])).toEqual([[], []]);
		expect(westernElectricRules([1.5, 1.5, 1.5, 1.5])).toEqual([[], [], [], []]);
		expect(westernElectricRules([2.5, 2.5, 2.5])).toEqual([[], [], [2]]);
		expect(westernElectricRules([1.5, 1.5, 1.5, 1.5, 1.5]).at(-1)).toEqual([3]);
		expect(westernElectricRules(Array<number>(7).fill(0.5)).flat()).toEqual([]);
		// Rule 1 needs no window.
		expect(westernElectricRules([3.5])).toEqual([[1]]);
	});
});

/*
 * The test vectors of qcc (luca-scr/qcc, tests/testthat/test-rules.R, "WER1-WER4 return expected
 * violating indices" and "qccRules precedence"; NEL5/NEL6 there are WER2/WER3): statistics with
 * centre 0 and σ 1, so they are z already. qcc returns 1-based indices of the violating points.
 */
describe('westernElectricRules against qcc', () => {
	const violating = (z: number[], rule: number) =>
		westernElectricRules(z).flatMap((rules, i) => (rules.includes(rule as 1) ? [i + 1] : []));

	it('finds the points qccRulesViolatingWER1–4 find', () => {
		expect(violating([0, 3.2, -3.5, 2.9], 1)).toEqual([2, 3]);
		expect(violating([0, 2.5, 1.0, 2.6, 0], 2)).toEqual([4]);
		expect(violating([0, 1.2, 1.3, 0.2, 1.4, 1.5], 3)).toEqual([6]);
		expect(violating([-1, -1, -1, -1, -1, -1, -1, -1, 1], 4)).toEqual([8]);
		expect(violating([0, 2.3, 0.4, 2.2, -2.4, -0.2, -2.5], 2)).toEqual([4, 7]);
		expect(violating([1.2, 1.3, 0.2, 1.4, 1.5, -1.2, -1.3, -0.1, -1.4, -1.5], 3)).toEqual([5, 10]);
	});

	it('starts each rule at its first full window, as qcc does on a long high run', () => {
		const z = [2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 3.2];
		expect(violating(z, 1)).toEqual([8]);
		expect(violating(z, 2)).toEqual([3, 4, 5, 6, 7, 8]);
		expect(violating(z, 3)).toEqual([5, 6, 7, 8]);
		expect(violating(z, 4)).toEqual([8]);
	});
});
