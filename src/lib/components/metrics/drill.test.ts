import { describe, expect, it } from 'vitest';
import { barRequest, monthRange, recordsUrl } from './drill';

const base = { source: 'defects.pareto', table: 'repairs', label: 'E5', from: '2024-01-01' };

describe('barRequest', () => {
	it('adds the bar key as the filter of its column', () => {
		const request = barRequest(base, { model: ['BCD-450W'] }, 'defect_code', 'E5');
		expect(request.filters).toEqual({ model: ['BCD-450W'], defect_code: ['E5'] });
		expect(request.blank).toBeUndefined();
		expect(recordsUrl(request, 101, 0)).toBe(
			'/api/records/repairs?from=2024-01-01&model=BCD-450W&defect_code=E5&limit=101&offset=0'
		);
		expect(barRequest(base, {}, 'product_model', 'KFR-35GW').filters).toEqual({ model: ['KFR-35GW'] });
	});

	it('marks a blank key instead of filtering by it', () => {
		for (const key of [null, '']) {
			const request = barRequest(base, { region: ['华东'] }, 'symptom', key);
			expect(request.blank).toBe('symptom');
			expect(request.filters).toEqual({ region: ['华东'] });
		}
	});

	it('refuses a column that is no filter', () => {
		expect(() => barRequest(base, {}, 'status', 'open')).toThrow(/status/);
	});
});

describe('monthRange', () => {
	it('clips the month to the period', () => {
		expect(monthRange('2024-02', {})).toEqual({ from: '2024-02-01', to: '2024-02-29' });
		expect(monthRange('2024-02', { from: '2024-02-10', to: '2024-03-31' })).toEqual({
			from: '2024-02-10',
			to: '2024-02-29'
		});
	});
});
