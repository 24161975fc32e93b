import { describe, expect, it } from 'vitest';
import { paretoBars, paretoOption } from './pareto';

const rows = [
	{ key: 'E5', count: 50, share: 0.5, cum_share: 0.5 },
	{ key: 'F1', count: 30, share: 0.3, cum_share: 0.8 },
	{ key: null, count: 15, share: 0.15, cum_share: 0.95 },
	{ key: 'W5', count: 5, share: 0.05, cum_share: 1 }
];
const labels = { value: 'Repairs', cumulative: 'Cumulative', threshold: '80%', empty: '(blank)' };

describe('pareto', () => {
	it('computes cumulative shares over all rows even when bars are cut', () => {
		const bars = paretoBars({
			rows,
			valueField: 'count',
			kind: 'count',
			labels,
			locale: 'en-GB',
			maxBars: 3
		});
		expect(bars.map((b) => b.label)).toEqual(['E5', 'F1', '(blank)']);
		expect(bars.map((b) => b.key)).toEqual(['E5', 'F1', null]);
		expect(bars.map((b) => b.cumShare)).toEqual([0.5, 0.8, 0.95]);
	});

	it('draws bars and the cumulative line on a 0–1 second axis with the 80 % line', () => {
		const option = paretoOption({ rows, valueField: 'count', kind: 'count', labels, locale: 'en-GB' });
		const series = option.series as Record<string, unknown>[];
		expect((option.xAxis as { data: string[] }).data).toEqual(['E5', 'F1', '(blank)', 'W5']);
		expect(series[0]).toMatchObject({ id: 'value', type: 'bar', data: [50, 30, 15, 5] });
		expect(series[1]).toMatchObject({ id: 'cumulative', type: 'line', yAxisIndex: 1 });
		expect(series[1].data).toEqual([0.5, 0.8, 0.95, 1]);
		expect((series[1].markLine as { data: unknown[] }).data).toEqual([{ yAxis: 0.8 }]);
		const axes = option.yAxis as { min?: number; max?: number }[];
		expect([axes[1].min, axes[1].max]).toEqual([0, 1]);
	});

	it('works for cost drivers (money values, no cum_share column)', () => {
		const option = paretoOption({
			rows: [
				{ key: '华东', total: 300 },
				{ key: '华南', total: 100 }
			],
			valueField: 'total',
			kind: 'money',
			labels,
			locale: 'en-GB'
		});
		const series = option.series as { data: number[] }[];
		expect(series[0].data).toEqual([300, 100]);
		expect(series[1].data).toEqual([0.75, 1]);
	});

	it("labels defect codes with their dictionary name in the reader's language", () => {
		const named = [
			{ key: 'E5', name_zh: '压缩机异响', name_en: 'Compressor noise', count: 3 },
			{ key: 'E6', name_zh: '漏水', name_en: null, count: 2 },
			{ key: 'E7', name_zh: null, name_en: null, count: 1 }
		];
		const input = { rows: named, valueField: 'count', kind: 'count' as const, labels };
		expect(paretoBars({ ...input, locale: 'zh-CN' }).map((b) => b.label)).toEqual([
			'E5 压缩机异响',
			'E6 漏水',
			'E7'
		]);
		expect(paretoBars({ ...input, locale: 'en-GB' }).map((b) => b.label)).toEqual([
			'E5 Compressor noise',
			'E6 漏水',
			'E7'
		]);
		expect(paretoBars({ ...input, locale: 'en-GB' }).map((b) => b.key)).toEqual(['E5', 'E6', 'E7']);
	});

	it('gives an empty chart for no rows', () => {
		const option = paretoOption({ rows: [], valueField: 'count', kind: 'count', labels, locale: 'en-GB' });
		expect((option.series as { data: unknown[] }[])[0].data).toEqual([]);
	});
});
