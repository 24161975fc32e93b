import { describe, expect, it } from 'vitest';
import { misGrid, misHeatmapOption } from './mis-heatmap';

const rows = [
	{ cohort: '2024-02', mis: 0, claims: 1, units: 100, cum_claims_per_1000: 10 },
	{ cohort: '2024-01', mis: 0, claims: 2, units: 200, cum_claims_per_1000: 10 },
	{ cohort: '2024-01', mis: 1, claims: 4, units: 200, cum_claims_per_1000: 30 },
	{ cohort: '2024-01', mis: 2, claims: 0, units: 200, cum_claims_per_1000: null }
];

describe('MIS triangle', () => {
	it('places cohorts (oldest first) against months in service', () => {
		const grid = misGrid(rows);
		expect(grid.cohorts).toEqual(['2024-01', '2024-02']);
		expect(grid.mis).toEqual([0, 1, 2]);
		expect(grid.cells).toEqual([
			[0, 1, 10, 1, 100],
			[0, 0, 10, 2, 200],
			[1, 0, 30, 4, 200]
		]);
		expect(grid.max).toBe(30);
	});

	it('colours the cells from 0 to the largest cumulative rate', () => {
		const option = misHeatmapOption({
			rows,
			labels: { cohort: 'Cohort', mis: 'MIS', value: 'Per 1000', claims: 'Claims', units: 'Units' },
			locale: 'en-GB'
		});
		expect(option.visualMap).toMatchObject({ dimension: 2, min: 0, max: 30 });
		expect((option.xAxis as { data: string[] }).data).toEqual(['0', '1', '2']);
		expect((option.yAxis as { data: string[]; inverse: boolean }).inverse).toBe(true);
		const series = option.series as { type: string; data: unknown[] }[];
		expect(series[0].type).toBe('heatmap');
		expect(series[0].data).toHaveLength(3);
	});

	it('is empty without rows', () => {
		expect(misGrid([])).toEqual({ cohorts: [], mis: [], cells: [], max: 0 });
	});
});
