import { describe, expect, it } from 'vitest';
import { pChart } from './p-chart';

describe('pChart degenerate series', () => {
	it('has no centre and no rules when no month has units in warranty', () => {
		expect(pChart([{ month: '2024-01', repairs: 3, units_in_warranty: 0 }])).toEqual([
			{
				month: '2024-01',
				repairs: 3,
				units_in_warranty: 0,
				p: null,
				center: null,
				ucl: null,
				lcl: null,
				rules: []
			}
		]);
		expect(pChart([])).toEqual([]);
	});

	it('with no repairs at all the band has no width and every point sits on the centre', () => {
		const rows = pChart(
			Array.from({ length: 9 }, (_, i) => ({ month: `2024-0${i + 1}`, repairs: 0, units_in_warranty: 100 }))
		);
		// center 0, σ 0, z 0 everywhere: not beyond any limit and not on one side of the centre.
		expect(rows.map((r) => [r.p, r.center, r.ucl, r.lcl, r.rules])).toEqual(Array(9).fill([0, 0, 0, 0, []]));
	});

	it('with σ 0 (centre 1: as many repairs as units in warranty), a point off the centre is beyond 3σ', () => {
		// Repairs can outnumber units in warranty on real data (repeat repairs, units sold before the
		// sales data starts). 8/5 and 2/5: center 10/10 = 1, 1·(1 − 1) = 0, so σ = 0 and both points,
		// off the centre, get rule 1; limits collapse onto the centre.
		const rows = pChart([
			{ month: '2024-01', repairs: 8, units_in_warranty: 5 },
			{ month: '2024-02', repairs: 2, units_in_warranty: 5 }
		]);
		expect(rows.map((r) => [r.p, r.center, r.ucl, r.lcl, r.rules])).toEqual([
			[1.6, 1, 1, 1, [1]],
			[0.4, 1, 1, 1, [1]]
		]);
	});
});
