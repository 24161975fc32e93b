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
		expect(westernElectricRules([2.5, 2.5, 0])).toEqual([[], [2], []]);
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

	it('judges short series on the points they have', () => {
		expect(westernElectricRules([])).toEqual([]);
		expect(westernElectricRules([2.5, 2.5])).toEqual([[], [2]]);
		expect(westernElectricRules([1.5, 1.5, 1.5, 1.5])).toEqual([[], [], [], [3]]);
	});
});
