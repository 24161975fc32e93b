import { describe, expect, it } from 'vitest';
import { sparklinePoints } from './sparkline';

describe('sparklinePoints', () => {
	it('spreads values across the width, minimum at the bottom and maximum at the top', () => {
		expect(sparklinePoints([1, 3, 2], 100, 20)).toEqual(['0,20 50,0 100,10']);
	});
	it('breaks the line at missing months', () => {
		expect(sparklinePoints([1, null, 2, 4], 30, 10)).toEqual(['0,10', '20,6.67 30,0']);
	});
	it('draws a flat series mid-height and nothing without values', () => {
		expect(sparklinePoints([5, 5], 10, 10)).toEqual(['0,5 10,5']);
		expect(sparklinePoints([null, null], 10, 10)).toEqual([]);
	});
});
