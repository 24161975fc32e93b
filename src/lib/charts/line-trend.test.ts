import { describe, expect, it } from 'vitest';
import { countShareOption, lineTrendOption } from './line-trend';

const rows = [
	{ month: '2024-01', repairs: 10, rate_per_1000: 1.5 },
	{ month: '2024-02', repairs: 12, rate_per_1000: null },
	{ month: '2024-03', repairs: 9, rate_per_1000: 1.2 }
];

describe('lineTrendOption', () => {
	const option = lineTrendOption({
		rows,
		series: [
			{ key: 'repairs', label: 'Repairs', type: 'bar' },
			{ key: 'rate_per_1000', label: 'Rate', axis: 1 }
		],
		axes: [
			{ name: 'Repairs', kind: 'count' },
			{ name: 'Rate', kind: 'per1000', min: 0 }
		],
		locale: 'en-GB',
		target: { value: 1.4, label: 'Target', axis: 1 }
	});
	const series = option.series as Record<string, unknown>[];

	it('puts months on the category axis', () => {
		expect((option.xAxis as { data: string[] }).data).toEqual(['2024-01', '2024-02', '2024-03']);
	});

	it('maps each column to a series on its axis, null where there is no value', () => {
		expect(series.map((s) => [s.id, s.type, s.yAxisIndex])).toEqual([
			['repairs', 'bar', 0],
			['rate_per_1000', 'line', 1]
		]);
		expect(series[0].data).toEqual([10, 12, 9]);
		expect(series[1].data).toEqual([1.5, null, 1.2]);
	});

	it('has two value axes with names and bounds, and the target on the right one', () => {
		const axes = option.yAxis as {
			name: string;
			min?: number;
			axisLabel: { formatter: (v: number) => string };
		}[];
		expect(axes.map((a) => a.name)).toEqual(['Repairs', 'Rate']);
		expect(axes[1].min).toBe(0);
		expect(axes[1].axisLabel.formatter(1.5)).toBe('1.5‰');
		expect((series[1].markLine as { data: unknown[] }).data).toEqual([{ yAxis: 1.4 }]);
		expect(series[0].markLine).toBeUndefined();
	});
});

describe('countShareOption', () => {
	const option = countShareOption({
		rows: [
			{ bucket: '>7d', complaints: 3, share: 0.75 },
			{ bucket: '0-4h', complaints: 1, share: 0.25 }
		],
		x: 'bucket',
		count: { key: 'complaints', label: 'Open' },
		share: { key: 'share', label: 'Share' },
		locale: 'en-GB'
	});
	const series = option.series as Record<string, unknown>[];

	it('puts the categories on the axis, counts as bars and shares as a line on the second axis', () => {
		expect((option.xAxis as { data: string[] }).data).toEqual(['>7d', '0-4h']);
		expect(series.map((s) => [s.name, s.type, s.yAxisIndex, s.data])).toEqual([
			['Open', 'bar', 0, [3, 1]],
			['Share', 'line', 1, [0.75, 0.25]]
		]);
		expect((option.yAxis as { max?: number }[])[1].max).toBe(1);
	});
});
