import { describe, expect, it } from 'vitest';
import { stackedCostOption } from './stacked-cost';

const rows = [
	{ month: '2025-01', parts: 100, labor: 50, logistics: 10, other: 0, total: 160, cost_per_unit_sold: 1.6 },
	{ month: '2025-02', parts: 80, labor: 40, logistics: 5, other: 5, total: 130, cost_per_unit_sold: null }
];
const labels = { parts: 'Parts', labor: 'Labour', logistics: 'Logistics', other: 'Other', cost: 'Cost' };

describe('stackedCostOption', () => {
	it('stacks the four cost parts by month', () => {
		const option = stackedCostOption({ rows, labels, locale: 'en-GB' });
		const series = option.series as { id: string; stack?: string; data: unknown[] }[];
		expect(series.map((s) => s.id)).toEqual(['parts', 'labor', 'logistics', 'other']);
		expect(series.every((s) => s.stack === 'cost')).toBe(true);
		expect(series[0].data).toEqual([100, 80]);
		expect(series[3].data).toEqual([0, 5]);
		expect((option.yAxis as unknown[]).length).toBe(1);
	});

	it('adds the cost per unit on a second axis', () => {
		const option = stackedCostOption({
			rows,
			labels: { ...labels, perUnit: 'Per unit' },
			locale: 'en-GB',
			perUnitField: 'cost_per_unit_sold'
		});
		const series = option.series as { id: string; yAxisIndex?: number; data: unknown[] }[];
		expect(series[4]).toMatchObject({ id: 'per_unit', yAxisIndex: 1, data: [1.6, null] });
		expect((option.yAxis as { name: string }[]).map((a) => a.name)).toEqual(['Cost', 'Per unit']);
	});
});
