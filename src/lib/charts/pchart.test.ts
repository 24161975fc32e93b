import { describe, expect, it } from 'vitest';
import { pchartOption, pchartTooltip, ruleHits } from './pchart';

/** The Laney columns of a classic chart (the diagnostic picked 'p'): drawn nowhere. */
const classic = {
	ucl_laney: 0.03,
	lcl_laney: 0,
	rules_laney: [],
	sigma_z: 1.2,
	dispersion_ratio: 1.1,
	dispersion_limit: 1.4,
	chart: 'p' as const
};
const rows = [
	{
		month: '2024-05',
		repairs: 10,
		units_in_warranty: 1000,
		p: 0.01,
		center: 0.012,
		ucl: 0.0223,
		lcl: 0.0017,
		rules: [],
		...classic
	},
	{
		month: '2024-06',
		repairs: 30,
		units_in_warranty: 1000,
		p: 0.03,
		center: 0.012,
		ucl: 0.0223,
		lcl: 0.0017,
		rules: [1],
		...classic
	},
	{
		month: '2024-07',
		repairs: 28,
		units_in_warranty: 1200,
		p: 0.0233,
		center: 0.012,
		ucl: 0.0214,
		lcl: 0.0026,
		rules: [1, 2],
		...classic
	}
];
const labels = {
	p: 'p',
	center: 'Centre',
	ucl: 'UCL',
	lcl: 'LCL',
	rule: 'Rule',
	rules: { 1: 'beyond 3σ', 2: '2 of 3 beyond 2σ', 3: '4 of 5 beyond 1σ', 4: '8 on one side' },
	repairs: 'Repairs',
	units: 'Units in warranty'
};

describe('p-chart', () => {
	const option = pchartOption({ rows, labels, locale: 'en-GB' });
	const series = option.series as { id: string; data: unknown[]; step?: string }[];

	it('draws p, the centre and the limits as step lines', () => {
		expect(series.map((s) => s.id)).toEqual(['p', 'center', 'ucl', 'lcl']);
		expect(series[1].data).toEqual([0.012, 0.012, 0.012]);
		expect(series[2].data).toEqual([0.0223, 0.0223, 0.0214]);
		expect(series[3].data).toEqual([0.0017, 0.0017, 0.0026]);
		expect(series[2].step).toBe('middle');
		expect(series[3].step).toBe('middle');
		expect((option.xAxis as { data: string[] }).data).toEqual(['2024-05', '2024-06', '2024-07']);
	});

	it('highlights the months that break a rule and labels them with the rule numbers', () => {
		const points = series[0].data as { value: number; itemStyle?: unknown; label?: { formatter: string } }[];
		expect(points.map((p) => p.value)).toEqual([0.01, 0.03, 0.0233]);
		expect(points[0].itemStyle).toBeUndefined();
		expect(points[1].itemStyle).toBeDefined();
		expect(points[1].label?.formatter).toBe('1');
		expect(points[2].label?.formatter).toBe('1,2');
	});

	it('lists the rule hits', () => {
		expect(ruleHits(rows)).toEqual([
			{ month: '2024-06', index: 1, rules: [1], p: 0.03, ucl: 0.0223, lcl: 0.0017 },
			{ month: '2024-07', index: 2, rules: [1, 2], p: 0.0233, ucl: 0.0214, lcl: 0.0026 }
		]);
	});

	it('names the rules in the tooltip', () => {
		const html = pchartTooltip(rows[2], labels, 'en-GB');
		expect(html).toContain('2024-07');
		expect(html).toContain('Rule 1: beyond 3σ');
		expect(html).toContain('Rule 2: 2 of 3 beyond 2σ');
		expect(html).toContain('2.33%');
		const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
		expect(formatter([{ dataIndex: 1 }])).toContain('Rule 1');
		expect(formatter([{ dataIndex: 0 }])).not.toContain('Rule');
	});

	it('draws the Laney p′ limits and rules when the diagnostic picked them', () => {
		const laney = rows.map((r, i) => ({
			...r,
			ucl_laney: 0.04 + i / 1000,
			lcl_laney: 0,
			rules_laney: i === 1 ? [4] : [],
			chart: 'laney' as const
		}));
		const chart = pchartOption({ rows: laney, labels, locale: 'en-GB' });
		const drawn = chart.series as { id: string; data: unknown[] }[];
		expect(drawn[2].data).toEqual([0.04, 0.041, 0.042]);
		expect(drawn[3].data).toEqual([0, 0, 0]);
		const points = drawn[0].data as { label?: { formatter: string } }[];
		expect(points.map((p) => p.label?.formatter)).toEqual([undefined, '4', undefined]);
		expect(ruleHits(laney)).toEqual([
			{ month: '2024-06', index: 1, rules: [4], p: 0.03, ucl: 0.041, lcl: 0 }
		]);
		const html = pchartTooltip(laney[2], labels, 'en-GB');
		expect(html).toContain('4.20%');
		expect(html).not.toContain('Rule');
	});
});
