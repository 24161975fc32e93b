import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthsBack } from '../../src/lib/server/metrics/periods';
import { runMetric } from '../../src/lib/server/metrics/registry';
import { importDemoData } from '../helpers/demo-data';
import { tempDatabase } from '../helpers/temp-db';

describe('monthsBack', () => {
	it('steps over year ends', () => {
		expect(monthsBack('2024-07', 1)).toBe('2024-06');
		expect(monthsBack('2024-01', 1)).toBe('2023-12');
		expect(monthsBack('2024-07', 12)).toBe('2023-07');
		expect(monthsBack('2024-03', 27)).toBe('2021-12');
	});
});

describe('overview.kpis and signals on the demo data', () => {
	let ctx: Awaited<ReturnType<typeof tempDatabase>>;
	beforeAll(async () => {
		ctx = await tempDatabase();
		await importDemoData(ctx.db);
	});
	afterAll(() => ctx.remove());

	it('gives each headline figure with the previous month and the same month last year', async () => {
		const { rows } = await runMetric(ctx.db, 'overview.kpis', { to: '2024-07-31', filters: {} });
		const monthly = (
			await runMetric(ctx.db, 'defects.monthly', { from: '2023-07-01', to: '2024-07-31', filters: {} })
		).rows;
		const at = (m: string) => monthly.find((r) => r.month === m)!;
		const repairs = rows.find((r) => r.kpi === 'repairs')!;
		expect(repairs).toMatchObject({
			month: '2024-07',
			value: at('2024-07').repairs,
			previous: at('2024-06').repairs,
			last_year: at('2023-07').repairs
		});
		const v = at('2024-07').repairs as number;
		const p = at('2024-06').repairs as number;
		expect(repairs.change_mom).toBeCloseTo((v - p) / p, 10);
		expect(rows.map((r) => r.kpi)).toEqual(
			expect.arrayContaining([
				'repair_rate',
				'warranty_cost',
				'return_rate',
				'response_on_time',
				'csat',
				'nps'
			])
		);
		const sla = (
			await runMetric(ctx.db, 'complaints.sla', { from: '2024-07-01', to: '2024-07-31', filters: {} })
		).rows[0];
		expect(rows.find((r) => r.kpi === 'resolution_on_time')!.value).toBe(sla.resolution_within_target_share);
	});

	it('defaults to the latest complete month', async () => {
		const { rows } = await runMetric(ctx.db, 'overview.kpis', { filters: {} });
		// Every kind of the demo data is as of 2025-12-31: December is complete, nothing is month to date.
		expect(rows[0]).toMatchObject({ month: '2025-12', as_of: '2025-12-31', mtd_month: null });
		// December's 30-day repeats are not known before 2026-01-30: the repeat rate is November's.
		expect(rows.find((r) => r.kpi === 'repeat_rate')!.month).toBe('2025-11');
	});

	it('flags the defect spike of BCD-450W and the escalating supplier in 2024-07', async () => {
		const { rows } = await runMetric(ctx.db, 'signals', { to: '2024-07-31', filters: {} });
		expect(rows).toContainEqual(
			expect.objectContaining({
				kind: 'pchart',
				model: 'BCD-450W',
				month: '2024-07',
				metric: 'defects.pchart',
				// The spike is above the centre: worse.
				direction: 'worse'
			})
		);
		const escalation = rows.find((r) => r.kind === 'escalation');
		expect(escalation?.text_zh).toMatch(/捷修科技.*维修质量.*最后通牒/);
		for (const r of rows) expect(String(r.text_en).length).toBeGreaterThan(10);
	});
});
