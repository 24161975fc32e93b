import { describe, expect, it } from 'vitest';
import { recordsUrl } from '$lib/components/records/selection';
import { figureRequest, monthFigure, monthRange, shareDrill } from './drill';

const query = { from: '2024-01-01', to: '2024-12-31', filters: { model: ['BCD-450W'], channel: ['线上'] } };

describe('figureRequest', () => {
	it('adds a bar key as the filter of its column, and keeps the page filters the table has', () => {
		const request = figureRequest('defects.pareto', 'repairs', query, {
			label: 'E5',
			dimension: ['defect_code', 'E5'],
			value: 12
		});
		expect(request.filters).toEqual({ model: ['BCD-450W'], defect_code: ['E5'] });
		expect(request.figure).toBe(12);
		expect(request.note).toBe('count');
		expect(recordsUrl(request, 101, 0)).toBe(
			'/api/records/repairs?from=2024-01-01&to=2024-12-31&model=BCD-450W&defect_code=E5&limit=101&offset=0'
		);
	});

	it('selects a blank key with the blank rule, and leaves out the filters the metric ignores', () => {
		for (const key of [null, '']) {
			const request = figureRequest('b', 'complaints', query, { label: '', dimension: ['supplier', key] }, [
				'channel'
			]);
			expect(request.rules).toEqual([{ name: 'blank', value: 'supplier' }]);
			expect(request.filters).toEqual({ model: ['BCD-450W'] });
		}
	});

	it('refuses a column that is no filter', () => {
		expect(() => figureRequest('s', 'repairs', query, { label: '', dimension: ['status', 'open'] })).toThrow(
			/status/
		);
	});
});

describe('monthFigure', () => {
	const rows = [
		{ month: '2024-02', repairs: 5, repairs_in_warranty: 3 },
		{ month: '2024-03', repairs: 7, repairs_in_warranty: 4 }
	];
	const series = {
		'*': { count: 'repairs' },
		rate: { count: 'repairs_in_warranty', filters: { in_warranty: ['yes'] }, note: 'rate' as const }
	};

	it('takes the clicked series drill, its count and the month', () => {
		const figure = monthFigure(rows, { seriesId: 'rate', seriesName: 'Rate', dataIndex: 1 }, series);
		expect(figure).toMatchObject({ month: '2024-03', value: 4, note: 'rate', label: '2024-03 · Rate' });
		const request = figureRequest('m', 'repairs', query, figure!);
		expect([request.from, request.to, request.filters.in_warranty]).toEqual([
			'2024-03-01',
			'2024-03-31',
			['yes']
		]);
	});

	it('a share series carries its value and the rules of its met and missed records', () => {
		const shares = [{ month: '2024-02', complaints: 9, response_within_target_share: 0.75 }];
		const figure = monthFigure(
			shares,
			{ seriesId: 'response_within_target_share', seriesName: 'Response', dataIndex: 0 },
			{ response_within_target_share: shareDrill('onTime', 'response_ok', 'response_late') }
		);
		expect(figure).toMatchObject({ value: null, note: 'share', share: { kind: 'onTime', value: 0.75 } });
		const request = figureRequest('sla', 'complaints', query, { ...figure!, dimension: ['supplier', null] });
		expect(request.rules).toEqual([{ name: 'response_ok' }, { name: 'blank', value: 'supplier' }]);
		expect(request.share).toEqual({
			kind: 'onTime',
			value: 0.75,
			missedRules: [{ name: 'response_late' }, { name: 'blank', value: 'supplier' }]
		});
	});

	it("answers a click beside the bars with '*' and ignores one outside the rows", () => {
		expect(monthFigure(rows, { dataIndex: 0 }, series)?.value).toBe(5);
		expect(monthFigure(rows, { dataIndex: 9 }, series)).toBeNull();
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
