import { describe, expect, it } from 'vitest';
import type { PChartRow } from '$lib/domain/metrics/defects';
import { pchartSignal } from './signals';

/** A month of a chart: centre 1%, classic limits 0.8–1.2%, Laney p′ limits 0.5–1.5%. */
function month(
	p: number,
	rules: PChartRow['rules'],
	rulesLaney: PChartRow['rules_laney'],
	chart: 'p' | 'laney'
) {
	return {
		month: '2024-07',
		repairs: p * 10_000,
		units_in_warranty: 10_000,
		p,
		center: 0.01,
		ucl: 0.012,
		lcl: 0.008,
		rules,
		ucl_laney: 0.015,
		lcl_laney: 0.005,
		rules_laney: rulesLaney,
		sigma_z: 2.5,
		dispersion_ratio: chart === 'laney' ? 3 : 1,
		dispersion_limit: 1.42,
		chart
	} satisfies PChartRow;
}

describe('pchartSignal', () => {
	it('above the upper limit is worse and names the limit crossed, on the chart the diagnostic picks', () => {
		const signal = pchartSignal('BCD-450W', month(0.018, [1, 2], [1], 'laney'))!;
		expect(signal).toMatchObject({
			kind: 'pchart',
			metric: 'defects.pchart',
			month: '2024-07',
			direction: 'worse'
		});
		expect(signal.text_en).toBe(
			'BCD-450W 2024-07: repair rate above the upper control limit (p = 1.80%, UCL 1.50%, Laney p′ chart); rule 1'
		);
		expect(signal.text_zh).toBe(
			'BCD-450W 2024-07 维修率高于上控制限（p = 1.80%，上限 1.50%，Laney p′ 图），判异准则 1'
		);
	});

	it('below the lower limit is an improvement', () => {
		const signal = pchartSignal(null, month(0.006, [1], [], 'p'))!;
		expect(signal.direction).toBe('better');
		expect(signal.text_en).toBe(
			'All models 2024-07: repair rate below the lower control limit (p = 0.60%, LCL 0.80%, p-chart); rule 1'
		);
		expect(signal.text_zh).toContain('低于下控制限（p = 0.60%，下限 0.80%，p 图）');
	});

	it('a run above the centre is worse and a run below better, naming the line of the run', () => {
		const above = pchartSignal(null, month(0.011, [], [2, 4], 'laney'))!;
		expect(above.direction).toBe('worse');
		expect(above.text_en).toBe(
			'All models 2024-07: repair rate above the 2σ line in 2 of the last 3 months (p = 1.10%, centre 1.00%, Laney p′ chart); rule 2, 4'
		);
		const below = pchartSignal(null, month(0.0095, [4], [], 'p'))!;
		expect(below.direction).toBe('better');
		expect(below.text_en).toContain(
			'below the centre line 8 months in a row (p = 0.95%, centre 1.00%, p-chart); rule 4'
		);
		expect(below.text_zh).toContain('连续 8 个月低于中心线');
	});

	it('reads only the picked chart: classic hits under a Laney diagnosis give no signal', () => {
		expect(pchartSignal(null, month(0.013, [1], [], 'laney'))).toBeNull();
		expect(pchartSignal(null, month(0.013, [], [3], 'p'))).toBeNull();
	});
});
