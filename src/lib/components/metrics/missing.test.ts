import { describe, expect, it } from 'vitest';
import { lacksSales } from './missing';

const units = (r: { units: number | null }) => r.units;

describe('lacksSales', () => {
	it('is true when there are rows but every denominator is zero', () => {
		expect(lacksSales([{ units: 0 }, { units: 0 }], units)).toBe(true);
		expect(lacksSales([{ units: 0 }, { units: null }], units)).toBe(true);
	});
	it('is false with any sales, without rows, or when the rate does not apply (all null)', () => {
		expect(lacksSales([{ units: 0 }, { units: 5 }], units)).toBe(false);
		expect(lacksSales([], units)).toBe(false);
		expect(lacksSales([{ units: null }], units)).toBe(false);
	});
});
