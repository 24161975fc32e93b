import { describe, expect, it } from 'vitest';
import { missingRates, missingRecords } from '$lib/domain/metrics/coverage';
import { lacksSales, pageMissing } from './missing';

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

describe('missing kinds', () => {
	const coverage = {
		repair: { total: 10, window: 4 },
		return: { total: 0, window: 0 },
		complaint: { total: 5, window: 0 },
		survey: { total: 0, window: 0 },
		sales: { total: 0, window: 0 }
	};

	it('names the record kinds of a page with nothing to show, not imported first', () => {
		const blocks = [{ id: 'complaints.sla' }, { id: 'returns.monthly' }, { id: 'returns.breakdown' }];
		expect(pageMissing(blocks, coverage)).toEqual([
			{ kind: 'return', scope: 'none' },
			{ kind: 'complaint', scope: 'window' }
		]);
		expect(pageMissing([{ id: 'defects.pareto' }], coverage)).toEqual([]);
		expect(pageMissing(blocks, undefined)).toEqual([]);
	});

	it('knows which metrics divide by sales', () => {
		expect(missingRates('defects.monthly', coverage)).toEqual([{ kind: 'sales', scope: 'none' }]);
		expect(missingRates('defects.pareto', coverage)).toEqual([]);
		expect(missingRecords('satisfaction.monthly', coverage)).toEqual([{ kind: 'survey', scope: 'none' }]);
	});
});
