import { describe, expect, it } from 'vitest';
import type { ReportFigures } from './api';
import { compareFigures } from './compare';

const figures = (
	id: string,
	rows: Record<string, string | number | null>[],
	extra = false
): ReportFigures => ({
	id,
	kind: 'monthly-review',
	title: 'T',
	period: '2025-11',
	sections: [
		{
			id: 's',
			title: 'S',
			blocks: [
				{
					type: 'table',
					table: {
						id: 'kpis',
						title: 'KPIs',
						columns: [
							{ key: 'name', label: 'Metric' },
							{ key: 'value', label: 'Value', kindFrom: 'kind' },
							{ key: 'note', label: 'Note' }
						],
						rows
					}
				},
				...(extra
					? [
							{
								type: 'table' as const,
								table: { id: 'extra', title: 'X', columns: [{ key: 'k', label: 'K' }], rows: [] }
							}
						]
					: [])
			]
		}
	]
});

describe('compareFigures', () => {
	it('matches rows by their first column and keeps rows and tables of one side only', () => {
		const a = figures('A', [
			{ name: 'repairs', kind: 'count', value: 10, note: 'x' },
			{ name: 'rate', kind: 'per1000', value: 1.5, note: 'y' }
		]);
		const b = figures(
			'B',
			[
				{ name: 'rate', kind: 'per1000', value: 1.2, note: 'z' },
				{ name: 'nps', kind: 'nps', value: 30 }
			],
			true
		);
		const [kpis, extra] = compareFigures(a, b);
		expect(kpis.columns.map((c) => c.key)).toEqual(['value']);
		expect(kpis.rows.map((r) => r.key)).toEqual(['repairs', 'rate', 'nps']);
		expect(kpis.rows[0].values.value).toEqual({ a: 10, b: null });
		expect(kpis.rows[1].values.value).toEqual({ a: 1.5, b: 1.2 });
		expect(kpis.rows[1].values.kind.a).toBe('per1000');
		expect(kpis.rows[2].values.value).toEqual({ a: null, b: 30 });
		expect(kpis.only).toBeNull();
		expect(extra).toMatchObject({ id: 'extra', only: 'b', rows: [] });
	});
});
