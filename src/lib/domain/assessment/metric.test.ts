import { describe, expect, it } from 'vitest';
import { aggregateOf, metricParamsSchema, metricValue } from './metric';

const sla = [
	{ month: '2025-01', complaints: 10, resolution_within_target_share: 0.8 },
	{ month: '2025-02', complaints: 0, resolution_within_target_share: null },
	{ month: '2025-03', complaints: 30, resolution_within_target_share: 1 }
];

describe('metricValue', () => {
	it('weighted_mean weighs each month by its count column', () => {
		const params = { column: 'resolution_within_target_share', weight: 'complaints' };
		expect(aggregateOf(params)).toBe('weighted_mean');
		expect(metricValue(sla, params)).toBeCloseTo((0.8 * 10 + 30) / 40, 12);
	});
	it('mean, min, max, sum, last skip nulls', () => {
		const column = 'resolution_within_target_share';
		expect(metricValue(sla, { column })).toBeCloseTo(0.9, 12);
		expect(metricValue(sla, { column, aggregate: 'min' })).toBe(0.8);
		expect(metricValue(sla, { column, aggregate: 'max' })).toBe(1);
		expect(metricValue(sla, { column: 'complaints', aggregate: 'sum' })).toBe(40);
		expect(metricValue(sla, { column, aggregate: 'last' })).toBe(1);
	});
	it('per: a ratio of two sums (follow-up coverage = responses ÷ repairs)', () => {
		const surveys = [{ responses: 30 }, { responses: 20 }];
		const repairs = [{ repairs: 60 }, { repairs: 40 }];
		const params = { column: 'responses', per: { metric: 'repairs.turnaround', column: 'repairs' } };
		expect(metricValue(surveys, params, repairs)).toBe(0.5);
		expect(metricValue(surveys, params, [])).toBeNull();
		expect(metricValue(surveys, params, [{ repairs: 0 }])).toBeNull();
	});
	it('no usable rows give null', () => {
		expect(metricValue([], { column: 'x' })).toBeNull();
		expect(metricValue([{ x: null }, { x: 'a' }], { column: 'x' })).toBeNull();
		expect(metricValue([{ x: 1, w: 0 }], { column: 'x', weight: 'w' })).toBeNull();
	});
});

describe('metricParamsSchema', () => {
	it('needs a column, a weight for weighted_mean, sum with per', () => {
		expect(metricParamsSchema.safeParse({}).success).toBe(false);
		expect(
			metricParamsSchema.safeParse({ column: 'x', aggregate: 'weighted_mean' }).error?.issues[0].message
		).toBe('aggregate "weighted_mean" needs a "weight" column');
		expect(
			metricParamsSchema.safeParse({ column: 'x', aggregate: 'mean', per: { metric: 'm', column: 'y' } })
				.error?.issues[0].message
		).toBe('"per" (a ratio of two sums) needs aggregate "sum"');
	});
});
