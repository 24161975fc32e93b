/* Over 300 lines: turnaround, repeat repairs and the cost metrics against hand-computed figures,
   each case beside the rows it checks. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricQuery, MetricRow } from '../../src/lib/domain/metrics/query';
import { importFile } from '../../src/lib/server/ingest';
import { loadMetricConfig } from '../../src/lib/server/metrics/config';
import { metrics as repairMetrics } from '../../src/lib/server/metrics/repairs';
import { MetricQueryError } from '../../src/lib/server/metrics/errors';
import { runMetric } from '../../src/lib/server/metrics/registry';
import { immatureRepeat } from '../helpers/metric-fixtures';
import { tempDatabase } from '../helpers/temp-db';

/** Fixtures described in tests/fixtures/metrics/repairs-cost/README.md; every expected value by hand. */
const FIXTURES = join(import.meta.dirname, '../fixtures/metrics/repairs-cost');
const SAMPLES = join(import.meta.dirname, '../../data/samples');

type Ctx = Awaited<ReturnType<typeof tempDatabase>>;

async function rows(ctx: Ctx, id: string, query: Partial<MetricQuery> = {}): Promise<MetricRow[]> {
	return (await runMetric(ctx.db, id, { filters: {}, ...query })).rows;
}

/** Compares rows column by column, numbers to 9 decimals (null stays null). */
function expectRows(actual: MetricRow[], expected: MetricRow[]): void {
	expect(actual.map((r) => Object.keys(r))).toEqual(expected.map((r) => Object.keys(r)));
	actual.forEach((row, i) => {
		for (const [key, want] of Object.entries(expected[i])) {
			const got = row[key];
			if (typeof want === 'number') {
				expect(typeof got, `row ${i} ${key}`).toBe('number');
				expect(got as number, `row ${i} ${key}`).toBeCloseTo(want, 9);
			} else expect(got, `row ${i} ${key}`).toEqual(want);
		}
	});
}

describe('repairs.* and cost.* on hand-sized fixtures', () => {
	let ctx: Ctx;
	beforeAll(async () => {
		ctx = await tempDatabase();
		await importFile(ctx.db, join(FIXTURES, 'repairs.csv'), { kind: 'repair' });
		await importFile(ctx.db, join(FIXTURES, 'sales.csv'), { kind: 'sales' });
	});
	afterAll(() => ctx.remove());

	it('imports all fixture rows', async () => {
		const [r] = await ctx.db.query(
			'SELECT (SELECT count(*) FROM repairs) AS r, (SELECT count(*) FROM sales) AS s'
		);
		expect(r).toEqual({ r: 14, s: 9 });
	});

	describe('repairs.turnaround', () => {
		it('gives median, p90 and within-target share per month', async () => {
			expectRows(await rows(ctx, 'repairs.turnaround'), [
				// Jan: completed hours 12 (R02), 24 (R05), 72 (R01, exactly), 96 + 1/60 (R03); R04 open.
				// median = quantile_cont(0.5) at position 3·0.5 = 1.5 → 24 + 0.5·(72 − 24) = 48
				// p90 at position 3·0.9 = 2.7 → 72 + 0.7·(96.016667 − 72) = 72 + 0.7·24.016667 = 88.811667
				// within 72 h: 12, 24, 72 → 3 of all 5 repairs (open R04 counts as not within) = 0.6
				{
					month: '2025-01',
					repairs: 5,
					median_hours: 48,
					p90_hours: 72 + 0.7 * (24 + 1 / 60),
					within_target_share: 0.6
				},
				// Feb: 24 (R06), 72 (R07); R15 open. median = 48; p90 = 24 + 0.9·48 = 67.2; within 2 / 3
				{ month: '2025-02', repairs: 3, median_hours: 48, p90_hours: 67.2, within_target_share: 2 / 3 },
				// Mar: 5 repairs, none completed → no quantiles, share 0 / 5
				{ month: '2025-03', repairs: 5, median_hours: null, p90_hours: null, within_target_share: 0 },
				// Apr: R09 24 h
				{ month: '2025-04', repairs: 1, median_hours: 24, p90_hours: 24, within_target_share: 1 }
			]);
		});

		it('filters by supplier and by dates (a one-month series)', async () => {
			// S1 in Jan: R01 72 h, R02 12 h → median 42, p90 = 12 + 0.9·60 = 66, both within
			expectRows(await rows(ctx, 'repairs.turnaround', { to: '2025-01-31', filters: { supplier: ['S1'] } }), [
				{ month: '2025-01', repairs: 2, median_hours: 42, p90_hours: 66, within_target_share: 1 }
			]);
			expectRows(await rows(ctx, 'repairs.turnaround', { from: '2025-04-01', to: '2025-04-30' }), [
				{ month: '2025-04', repairs: 1, median_hours: 24, p90_hours: 24, within_target_share: 1 }
			]);
		});

		it('reads the target from the params', async () => {
			const config = await loadMetricConfig();
			const def = repairMetrics.find((m) => m.id === 'repairs.turnaround')!;
			const run = (target: number) =>
				def.run({
					db: ctx.db,
					query: { to: '2025-01-31', filters: {} },
					params: { ...config.params, repair_target_hours: target }
				});
			// 24 h: 12, 24 → 2 / 5; 96 h: still 3 / 5 (R03 took 96 h 1 min); 97 h: 4 / 5
			expect((await run(24))[0].within_target_share).toBeCloseTo(0.4, 12);
			expect((await run(96))[0].within_target_share).toBeCloseTo(0.6, 12);
			expect((await run(97))[0].within_target_share).toBeCloseTo(0.8, 12);
		});
	});

	describe('repairs.repeat', () => {
		// The repairs are as of R09, 2025-04-15: 30-day figures are known for January (Jan 31 + 30 days =
		// Mar 2) and February (Feb 28 + 30 = Mar 30), not for March (Apr 30) or April; no month has had
		// its 90 days (Jan 31 + 90 = May 1). The matured 90-day counts are in metrics-periods.test.ts.
		it('counts repeats within (t, t + N days] of the same serial, once the month is mature', async () => {
			expectRows(await rows(ctx, 'repairs.repeat'), [
				// R01 → R06 exactly 30 days later: 30d. R02 → R07 30 days + 1 min: not 30d. R03 → R09 90
				// days later: not 30d. R04 never again; R05 has no serial. 30d: 1 / 5 = 0.2
				{
					month: '2025-01',
					repairs: 5,
					repeat_30d: 1,
					repeat_rate_30d: 0.2,
					repeat_90d: null,
					repeat_rate_90d: null,
					mature_30d: true,
					mature_90d: false
				},
				// R06, R07 never again; R15 has no serial (nor has R05 before it): 0 of 3
				{
					month: '2025-02',
					repairs: 3,
					repeat_30d: 0,
					repeat_rate_30d: 0,
					repeat_90d: null,
					repeat_rate_90d: null,
					mature_30d: true,
					mature_90d: false
				},
				// Mar and Apr are immature for both windows: no counts yet.
				immatureRepeat('2025-03', 5),
				immatureRepeat('2025-04', 1)
			]);
		});

		it('looks ahead beyond the window and the filters', async () => {
			// Only C1's January repairs R01, R02 are counted; R01's follow-up R06 (at C2, February) lies
			// outside the filter and the window and still counts: 30d 1 / 2
			expectRows(
				await rows(ctx, 'repairs.repeat', {
					from: '2025-01-01',
					to: '2025-01-31',
					filters: { service_center: ['C1'] }
				}),
				[
					{
						month: '2025-01',
						repairs: 2,
						repeat_30d: 1,
						repeat_rate_30d: 0.5,
						repeat_90d: null,
						repeat_rate_90d: null,
						mature_30d: true,
						mature_90d: false
					}
				]
			);
			// Maturity follows the whole table's as-of date, not the window: January stays 90-day immature
			const [jan] = await rows(ctx, 'repairs.repeat', { to: '2025-01-31' });
			expect(jan).toMatchObject({ repairs: 5, repeat_30d: 1, repeat_90d: null, mature_90d: false });
		});

		it('gives no rows for an empty window', async () => {
			expect(await rows(ctx, 'repairs.repeat', { from: '2026-01-01' })).toEqual([]);
			expect(await rows(ctx, 'repairs.turnaround', { from: '2026-01-01' })).toEqual([]);
		});
	});

	describe('cost.monthly', () => {
		it('sums costs (NULL = 0) and divides by repairs, units sold and revenue', async () => {
			// No fixture repair has in_warranty or sold_at: each counts as in warranty (scope unknown), so
			// the warranty columns repeat the totals and nothing is out of warranty.
			expectRows(await rows(ctx, 'cost.monthly'), [
				// Jan: parts 100+200+300+0+50 = 650; labor 50+80+100+0+50 = 280; logistics 10+0+20+0+0 = 30;
				// other 0+0+30+0+0 = 30; total 990; per repair 990 / 5 = 198;
				// units 100+50+20+10 = 180 → 990 / 180 = 5.5; revenue 100000+40000+30000+15000 = 185000
				{
					month: '2025-01',
					repairs: 5,
					parts: 650,
					labor: 280,
					logistics: 30,
					other: 30,
					total: 990,
					cost_per_repair: 198,
					units_sold: 180,
					cost_per_unit_sold: 5.5,
					revenue: 185000,
					revenue_share: 990 / 185000,
					warranty_total: 990,
					warranty_repairs: 5,
					warranty_cost_per_unit_sold: 5.5,
					out_of_warranty_total: 0
				},
				// Feb: parts 100+40 = 140; labor 0+20 = 20; total 160; per repair 160 / 3 (R15 costs nothing);
				// units 80+30 = 110; one sales row has no revenue → revenue unknown (null), share null
				{
					month: '2025-02',
					repairs: 3,
					parts: 140,
					labor: 20,
					logistics: 0,
					other: 0,
					total: 160,
					cost_per_repair: 160 / 3,
					units_sold: 110,
					cost_per_unit_sold: 160 / 110,
					revenue: null,
					revenue_share: null,
					warranty_total: 160,
					warranty_repairs: 3,
					warranty_cost_per_unit_sold: 160 / 110,
					out_of_warranty_total: 0
				},
				// Mar: parts 30 (R10), labor 30 (R11); total 60; per repair 60 / 5 = 12; units 5+5 = 10 → 6;
				// revenue 0 → share null
				{
					month: '2025-03',
					repairs: 5,
					parts: 30,
					labor: 30,
					logistics: 0,
					other: 0,
					total: 60,
					cost_per_repair: 12,
					units_sold: 10,
					cost_per_unit_sold: 6,
					revenue: 0,
					revenue_share: null,
					warranty_total: 60,
					warranty_repairs: 5,
					warranty_cost_per_unit_sold: 6,
					out_of_warranty_total: 0
				},
				// Apr: R09 60 + 40 = 100; no sales at all → 0 units, per unit null, revenue 0, share null
				{
					month: '2025-04',
					repairs: 1,
					parts: 60,
					labor: 40,
					logistics: 0,
					other: 0,
					total: 100,
					cost_per_repair: 100,
					units_sold: 0,
					cost_per_unit_sold: null,
					revenue: 0,
					revenue_share: null,
					warranty_total: 100,
					warranty_repairs: 1,
					warranty_cost_per_unit_sold: null,
					out_of_warranty_total: 0
				}
			]);
		});

		it('applies model / region filters to both costs and sales', async () => {
			// 华南, Jan: R03 450, R04 0, R05 100 → total 550, parts 300+50 = 350, labor 100+50 = 150,
			// logistics 20, other 30; per repair 550 / 3; units 50+20 = 70 → 550 / 70;
			// revenue 40000+30000 = 70000 → 550 / 70000
			expectRows(await rows(ctx, 'cost.monthly', { to: '2025-01-31', filters: { region: ['华南'] } }), [
				{
					month: '2025-01',
					repairs: 3,
					parts: 350,
					labor: 150,
					logistics: 20,
					other: 30,
					total: 550,
					cost_per_repair: 550 / 3,
					units_sold: 70,
					cost_per_unit_sold: 550 / 70,
					revenue: 70000,
					revenue_share: 550 / 70000,
					warranty_total: 550,
					warranty_repairs: 3,
					warranty_cost_per_unit_sold: 550 / 70,
					out_of_warranty_total: 0
				}
			]);
			// KFR-35GW, Feb: R06 100, R07 60 → 160 over 2 repairs = 80; its sales row: 80 units, ¥64000
			// (the BCD-450W row without revenue is filtered away) → 160 / 80 = 2; 160 / 64000 = 0.0025
			const [feb] = await rows(ctx, 'cost.monthly', {
				from: '2025-02-01',
				to: '2025-02-28',
				filters: { model: ['KFR-35GW'] }
			});
			expectRows(
				[feb],
				[
					{
						month: '2025-02',
						repairs: 2,
						parts: 140,
						labor: 20,
						logistics: 0,
						other: 0,
						total: 160,
						cost_per_repair: 80,
						units_sold: 80,
						cost_per_unit_sold: 2,
						revenue: 64000,
						revenue_share: 0.0025,
						warranty_total: 160,
						warranty_repairs: 2,
						warranty_cost_per_unit_sold: 2,
						out_of_warranty_total: 0
					}
				]
			);
		});

		it('refuses supplier and service-centre filters, which sales cannot follow', async () => {
			await expect(rows(ctx, 'cost.monthly', { filters: { supplier: ['S1'] } })).rejects.toThrow(
				MetricQueryError
			);
			await expect(rows(ctx, 'cost.monthly', { filters: { service_center: ['C1'] } })).rejects.toThrow(
				MetricQueryError
			);
		});

		it('gives no rows for an empty window (sales alone make no month)', async () => {
			expect(await rows(ctx, 'cost.monthly', { from: '2026-01-01' })).toEqual([]);
			expect(await rows(ctx, 'cost.monthly', { from: '2024-12-01', to: '2024-12-31' })).toEqual([]);
		});
	});

	describe('cost.drivers', () => {
		it('ranks defect codes by total cost, ties by key, no code last', async () => {
			// Feb–Apr: E1 R06 100 (1); E5 R09 100 (1); E2 R07 60 + R15 0 (2); E3 R11 30 + R14 0 (2);
			// E4 R10 30 + R12 0 (2); no code R13 0 (1). Total 320.
			// Ties 100/100 → E1, E5; 30/30 → E3, E4. Shares 100/320 = 0.3125, 60/320 = 0.1875, 30/320 = 0.09375
			expectRows(await rows(ctx, 'cost.drivers', { from: '2025-02-01', to: '2025-04-30' }), [
				{ key: 'E1', name_zh: null, name_en: null, total: 100, share: 0.3125, repairs: 1 },
				{ key: 'E5', name_zh: null, name_en: null, total: 100, share: 0.3125, repairs: 1 },
				{ key: 'E2', name_zh: null, name_en: null, total: 60, share: 0.1875, repairs: 2 },
				{ key: 'E3', name_zh: null, name_en: null, total: 30, share: 0.09375, repairs: 2 },
				{ key: 'E4', name_zh: null, name_en: null, total: 30, share: 0.09375, repairs: 2 },
				{ key: null, name_zh: null, name_en: null, total: 0, share: 0, repairs: 1 }
			]);
		});

		it('groups by another dimension with filters', async () => {
			// S2, Jan: BCD-450W R03 450 + R04 0 (2); KFR-35GW R05 100 (1); total 550
			expectRows(
				await rows(ctx, 'cost.drivers', {
					to: '2025-01-31',
					by: 'product_model',
					filters: { supplier: ['S2'] }
				}),
				[
					{ key: 'BCD-450W', name_zh: null, name_en: null, total: 450, share: 450 / 550, repairs: 2 },
					{ key: 'KFR-35GW', name_zh: null, name_en: null, total: 100, share: 100 / 550, repairs: 1 }
				]
			);
			// C1, Jan: R01 160 + R02 280 = 440, all 华东
			expectRows(
				await rows(ctx, 'cost.drivers', {
					to: '2025-01-31',
					by: 'region',
					filters: { service_center: ['C1'] }
				}),
				[{ key: '华东', name_zh: null, name_en: null, total: 440, share: 1, repairs: 2 }]
			);
			// Jan by defect code: E1 160 + 450 = 610; E2 280 + 100 = 380; E3 0; total 990
			expectRows(await rows(ctx, 'cost.drivers', { to: '2025-01-31' }), [
				{ key: 'E1', name_zh: null, name_en: null, total: 610, share: 610 / 990, repairs: 2 },
				{ key: 'E2', name_zh: null, name_en: null, total: 380, share: 380 / 990, repairs: 2 },
				{ key: 'E3', name_zh: null, name_en: null, total: 0, share: 0, repairs: 1 }
			]);
		});

		it('gives a null share when nothing cost anything, and no rows for an empty window', async () => {
			// March 11–31: R12 0, R13 0, R14 0 → total 0, share null
			expectRows(await rows(ctx, 'cost.drivers', { from: '2025-03-11', to: '2025-03-31', by: 'supplier' }), [
				{ key: 'S1', name_zh: null, name_en: null, total: 0, share: null, repairs: 1 },
				{ key: 'S2', name_zh: null, name_en: null, total: 0, share: null, repairs: 2 }
			]);
			expect(await rows(ctx, 'cost.drivers', { from: '2026-01-01' })).toEqual([]);
		});

		it('refuses an unknown dimension', async () => {
			await expect(rows(ctx, 'cost.drivers', { by: 'symptom' })).rejects.toThrow(MetricQueryError);
		});
	});
});

describe('repairs.* on the demo data: the weak service partner 捷修科技', () => {
	let ctx: Ctx;
	const WEAK = '捷修科技';
	let others: string[];
	beforeAll(async () => {
		ctx = await tempDatabase();
		await importFile(ctx.db, join(SAMPLES, 'repairs-2023-2025.gbk.csv'), { kind: 'repair' });
		await importFile(ctx.db, join(SAMPLES, 'sales-2022-2025.xlsx'), { kind: 'sales' });
		others = (
			await ctx.db.query('SELECT DISTINCT supplier FROM repairs WHERE supplier <> $1 ORDER BY 1', [WEAK])
		).map((r) => String(r.supplier));
	}, 120_000);
	afterAll(() => ctx.remove());

	const sum = (list: MetricRow[], key: string) => list.reduce((s, r) => s + Number(r[key]), 0);

	it('has a higher repeat rate than the other partners', async () => {
		const weak = await rows(ctx, 'repairs.repeat', { filters: { supplier: [WEAK] } });
		const rest = await rows(ctx, 'repairs.repeat', { filters: { supplier: others } });
		expect(others.length).toBe(8);
		for (const n of [30, 90]) {
			const rate = (list: MetricRow[]) => sum(list, `repeat_${n}d`) / sum(list, 'repairs');
			expect(rate(weak), `${n} days`).toBeGreaterThan(rate(rest) * 1.5);
		}
		// README: 6.3 % vs 3.3 % within 30 days
		const rate30 = (list: MetricRow[]) => sum(list, 'repeat_30d') / sum(list, 'repairs');
		expect(rate30(weak)).toBeCloseTo(0.063, 2);
		expect(rate30(rest)).toBeCloseTo(0.033, 2);
	});

	it('has a higher turnaround p90 than the other partners in most months', async () => {
		const weak = await rows(ctx, 'repairs.turnaround', { filters: { supplier: [WEAK] } });
		const rest = await rows(ctx, 'repairs.turnaround', { filters: { supplier: others } });
		expect(weak.map((r) => r.month)).toEqual(rest.map((r) => r.month));
		const higher = weak.filter((r, i) => Number(r.p90_hours) > Number(rest[i].p90_hours)).length;
		expect(higher / weak.length).toBeGreaterThan(0.8);
		const mean = (list: MetricRow[]) => sum(list, 'p90_hours') / list.length;
		expect(mean(weak)).toBeGreaterThan(mean(rest) * 1.2);
	});

	it('gives cost per unit and revenue share for every demo month', async () => {
		const list = await rows(ctx, 'cost.monthly');
		expect(list).toHaveLength(36);
		for (const r of list) {
			expect(r.cost_per_unit_sold).toBeGreaterThan(0);
			expect(r.revenue_share).toBeGreaterThan(0);
			expect(r.revenue_share).toBeLessThan(1);
		}
	});
});
