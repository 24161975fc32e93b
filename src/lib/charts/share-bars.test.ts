import { describe, expect, it } from 'vitest';
import { shareBarsOption } from './share-bars';

const rows = [
	{ month: '2025-01', response_within_target_share: 0.95, resolution_within_target_share: 0.8 },
	{ month: '2025-02', response_within_target_share: null, resolution_within_target_share: 0.92 }
];

describe('shareBarsOption', () => {
	const option = shareBarsOption({
		rows,
		series: [
			{ key: 'response_within_target_share', label: 'Response' },
			{ key: 'resolution_within_target_share', label: 'Resolution' }
		],
		target: { value: 0.9, label: 'Target' },
		locale: 'en-GB'
	});
	const series = option.series as {
		id: string;
		data: { value: number | null; itemStyle?: unknown }[];
		markLine?: { data: unknown[]; label: { formatter: string } };
	}[];

	it('shows the shares by month on a 0–1 axis', () => {
		expect((option.xAxis as { data: string[] }).data).toEqual(['2025-01', '2025-02']);
		expect(option.yAxis).toMatchObject({ min: 0, max: 1 });
		expect(series.map((s) => s.id)).toEqual([
			'response_within_target_share',
			'resolution_within_target_share'
		]);
		expect(series[0].data.map((d) => d.value)).toEqual([0.95, null]);
	});

	it('draws the target and outlines the months below it', () => {
		expect(series[0].markLine?.data).toEqual([{ yAxis: 0.9 }]);
		expect(series[0].markLine?.label.formatter).toBe('Target 90.0%');
		expect(series[0].data[0].itemStyle).toBeUndefined();
		expect(series[1].data[0].itemStyle).toBeDefined();
		expect(series[1].data[1].itemStyle).toBeUndefined();
	});
});
