import { describe, expect, it } from 'vitest';
import { clearedSearch, hasView, twelveMonthsTo, viewSearch } from './links';
import { periodChoice, presetAnchor, presetPeriod } from './period';

const q = (s: string) => new URLSearchParams(s);

describe('viewSearch', () => {
	it("carries a section's period and every filter value to another section, dropping the rest", () => {
		expect(
			viewSearch(q('from=2024-01-01&to=2024-06-30&model=A&model=B&region=华东&by=region'), 'section')
		).toBe(`?from=2024-01-01&to=2024-06-30&model=A&model=B&region=${encodeURIComponent('华东')}`);
		expect(viewSearch(q(''), 'section')).toBe('');
	});

	it("turns the overview's month into a section's 12 months and back", () => {
		expect(viewSearch(q('month=2024-07&supplier=S1'), 'section')).toBe(
			'?from=2023-08-01&to=2024-07-31&supplier=S1'
		);
		expect(viewSearch(q('from=2023-08-01&to=2024-07-31&supplier=S1'), 'overview')).toBe(
			'?month=2024-07&supplier=S1'
		);
	});

	it("sets a KPI's or signal's month and model over the current view", () => {
		expect(
			viewSearch(q('month=2024-09&model=A&region=R'), 'section', {
				month: '2024-07',
				filters: { model: ['B'] }
			})
		).toBe('?from=2023-08-01&to=2024-07-31&model=B&region=R');
	});
});

describe('clearedSearch and hasView', () => {
	it('drops the period and filters but keeps the dimension', () => {
		expect(clearedSearch(q('from=2024-01-01&model=A&by=region'))).toBe('?by=region');
		expect(clearedSearch(q('month=2024-01&model=A'))).toBe('');
		expect(hasView(q('by=region'))).toBe(false);
		expect(hasView(q('by=region&model=A'))).toBe(true);
	});
});

describe('period presets', () => {
	it('counts back from the latest data day, or today when that is earlier', () => {
		expect(presetAnchor('2024-06-20', '2026-12-05')).toBe('2024-06-20');
		expect(presetAnchor('2030-01-01', '2026-12-05')).toBe('2026-12-05');
		expect(presetAnchor(null, '2026-12-05')).toBe('2026-12-05');
	});

	it('gives the last 12 complete months, this year to date and last year', () => {
		expect(presetPeriod('last12', '2024-06-20')).toEqual({ from: '2023-06-01', to: '2024-05-31' });
		// The anchor's month is complete on its last day.
		expect(presetPeriod('last12', '2024-06-30')).toEqual({ from: '2023-07-01', to: '2024-06-30' });
		expect(presetPeriod('last12', '2024-01-15')).toEqual({ from: '2023-01-01', to: '2023-12-31' });
		expect(presetPeriod('thisYear', '2024-06-20')).toEqual({ from: '2024-01-01', to: '2024-06-20' });
		expect(presetPeriod('lastYear', '2024-06-20')).toEqual({ from: '2023-01-01', to: '2023-12-31' });
		expect(twelveMonthsTo('2024-02')).toEqual({ from: '2023-03-01', to: '2024-02-29' });
	});

	it('recognises a preset in from/to, else all dates or custom', () => {
		expect(periodChoice('2023-06-01', '2024-05-31', '2024-06-20')).toBe('last12');
		expect(periodChoice('2023-01-01', '2023-12-31', '2024-06-20')).toBe('lastYear');
		expect(periodChoice(null, null, '2024-06-20')).toBe('all');
		expect(periodChoice('2023-02-01', null, '2024-06-20')).toBe('custom');
	});
});
