import { describe, expect, it } from 'vitest';
import { normalQuantile } from './normal';

describe('normalQuantile', () => {
	it("matches R's qnorm in the centre, the tails and the far tails", () => {
		// qnorm(c(0.5, 0.9, 0.975, 0.025, 1e-10, 1e-300)) in R 4.
		expect(normalQuantile(0.5)).toBe(0);
		expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446004, 14);
		expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
		expect(normalQuantile(0.025)).toBeCloseTo(-1.959963984540054, 14);
		expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 13);
		expect(normalQuantile(1e-300)).toBeCloseTo(-37.0470962993612, 12);
	});

	it('is infinite at 0 and 1 and NaN outside', () => {
		expect(normalQuantile(0)).toBe(-Infinity);
		expect(normalQuantile(1)).toBe(Infinity);
		expect(normalQuantile(1.5)).toBeNaN();
		expect(normalQuantile(NaN)).toBeNaN();
	});
});
