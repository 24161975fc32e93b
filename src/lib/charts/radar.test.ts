import { describe, expect, it } from 'vitest';
import { attainmentRadarOption } from './radar';

const indicators = [
	{ id: '1', name: '售后服务体系', depth: 1 as const },
	{ id: '1.1', name: '组织架构', depth: 2 as const },
	{ id: '1.2', name: '人员配置', depth: 2 as const },
	{ id: '2', name: '商品服务', depth: 1 as const },
	{ id: '2.1', name: '维修', depth: 2 as const },
	{ id: '3', name: '顾客服务', depth: 1 as const },
	{ id: '3.1', name: '<投诉处理>', depth: 2 as const }
];

type RadarSeries = {
	id: string;
	radarIndex: number;
	data: { name: string; value: (number | '-')[] }[];
	tooltip: { formatter: (p: unknown) => string };
};

describe('attainmentRadarOption', () => {
	const option = attainmentRadarOption({
		indicators,
		sets: [
			{
				name: '2024',
				attainment: { '1': 0.9, '1.1': 1, '1.2': 0.8, '2': 0.6667, '2.1': 0.6667, '3': null, '3.1': null }
			},
			{ name: '2025', attainment: { '1': 1, '1.1': 1, '1.2': 1, '2': 1, '2.1': 1, '3': 0.5, '3.1': 0.5 } }
		],
		titles: { first: '一级指标', second: '二级指标' },
		locale: 'zh-CN'
	});
	const radar = option.radar as { indicator: { name: string; max: number }[] }[];
	const series = option.series as RadarSeries[];

	it('puts first-level indicators on the left radar and second-level ones on the right, in catalogue order', () => {
		expect(radar[0].indicator.map((i) => i.name)).toEqual(['售后服务体系', '商品服务', '顾客服务']);
		expect(radar[1].indicator.map((i) => i.name)).toEqual(['组织架构', '人员配置', '维修', '<投诉处理>']);
		expect(radar.every((r) => r.indicator.every((i) => i.max === 100))).toBe(true);
		expect(series.map((s) => [s.id, s.radarIndex])).toEqual([
			['first', 0],
			['second', 1]
		]);
	});

	it('draws attainment as percent, one polygon per set, with no value where nothing is applicable', () => {
		expect(series[0].data.map((d) => d.name)).toEqual(['2024', '2025']);
		expect(series[0].data[0].value).toEqual([90, 66.7, '-']);
		expect(series[1].data[1].value).toEqual([100, 100, 100, 50]);
		expect(option.legend).toMatchObject({ data: ['2024', '2025'] });
	});

	it('escapes indicator names in the tooltip and formats shares', () => {
		const html = series[1].tooltip.formatter({ name: '2025', value: [100, 100, 100, 50] });
		expect(html).toContain('&lt;投诉处理&gt;: 50.0%');
		expect(series[0].tooltip.formatter({ name: '2024', value: [90, 66.7, '-'] })).toContain('顾客服务: —');
	});

	it('hides the legend for a single set', () => {
		const single = attainmentRadarOption({
			indicators,
			sets: [{ name: 'only', attainment: {} }],
			titles: { first: 'a', second: 'b' },
			locale: 'en-GB'
		});
		expect(single.legend).toEqual({ show: false });
	});
});
