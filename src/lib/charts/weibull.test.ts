import { describe, expect, it } from 'vitest';
import { b10Days, sampleDays, unreliability, weibullOption } from './weibull';

describe('weibull curves', () => {
	it('computes F(t) = 1 − exp(−(t/η)^β)', () => {
		expect(unreliability(0, 1.5, 500)).toBe(0);
		expect(unreliability(500, 1.5, 500)).toBeCloseTo(1 - Math.exp(-1), 12);
		expect(unreliability(250, 2, 500)).toBeCloseTo(1 - Math.exp(-0.25), 12);
	});

	it('samples linearly or geometrically', () => {
		expect(sampleDays(100, 5, false)).toEqual([0, 25, 50, 75, 100]);
		const log = sampleDays(1000, 4, true);
		expect(log[0]).toBeCloseTo(1, 9);
		expect(log[1]).toBeCloseTo(10, 9);
		expect(log[3]).toBeCloseTo(1000, 9);
	});

	const rows = [
		{ product_model: 'A', beta: 1.4, eta_days: 2000 },
		{ product_model: 'B', beta: null, eta_days: null },
		{ product_model: 'C', beta: 1, eta_days: 1000 }
	];
	const labels = { days: 'Days', unreliability: 'F(t)', warranty: 'Warranty' };

	it('draws one curve per fitted model', () => {
		const option = weibullOption({
			rows,
			labels,
			locale: 'en-GB',
			maxDays: 1000,
			points: 3,
			warrantyDays: 365
		});
		const series = option.series as {
			id: string;
			data: [number, number][];
			markLine?: { data: unknown[] };
		}[];
		expect(series.map((s) => s.id)).toEqual(['A', 'C']);
		expect(series[1].data.map((d) => d[0])).toEqual([0, 500, 1000]);
		expect(series[1].data[2][1]).toBeCloseTo(1 - Math.exp(-1), 12);
		expect(series[0].markLine?.data).toEqual([{ xAxis: 365 }]);
		expect(option.xAxis).toMatchObject({ type: 'value', min: 0, max: 1000 });
	});

	it('uses a log time axis on request', () => {
		const option = weibullOption({ rows, labels, locale: 'en-GB', log: true, maxDays: 1000, points: 4 });
		expect(option.xAxis).toMatchObject({ type: 'log', min: 1, max: 1000 });
		const series = option.series as { data: [number, number][] }[];
		expect(series[0].data[0][0]).toBe(1);
	});
});

describe('b10Days', () => {
	it('is the age at which F(t) reaches 10 %', () => {
		const t = b10Days(1.35, 2000);
		expect(t).not.toBeNull();
		expect(unreliability(t as number, 1.35, 2000)).toBeCloseTo(0.1, 10);
		// β = 1: t = η·ln(1/0.9) ≈ 0.10536·η
		expect(b10Days(1, 1000)).toBeCloseTo(105.36, 2);
	});
	it('is null without a fit', () => {
		expect(b10Days(null, 1000)).toBeNull();
		expect(b10Days(1.2, null)).toBeNull();
		expect(b10Days(0, 1000)).toBeNull();
	});
});
