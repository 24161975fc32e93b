/* Over 300 lines: every defect metric (monthly rate, Pareto, p-chart rules, months in service) against
   numbers computed by hand from the fixtures, each case beside the rows it checks. */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MetricQuery, MetricRow } from '../../src/lib/domain/metrics/query';
import { loadMetricConfig, type MetricParams } from '../../src/lib/server/metrics/config';
import { metrics } from '../../src/lib/server/metrics/defects';
import { useFixtures } from '../helpers/metric-fixtures';
import type { BlockDatabase } from '../helpers/temp-db';

const FIXTURES = join(import.meta.dirname, '../fixtures/metrics/defects');
const SAMPLES = join(import.meta.dirname, '../../data/samples');

/**
 * The shipped params with the warranty months pinned, so a user's edit of data/metrics.json (or a
 * param added later) cannot change the expected values.
 */
let PARAMS: MetricParams;
/** Model A 3 months of warranty (the default), model B 2. */
let PER_MODEL: MetricParams;
beforeAll(async () => {
	const { params } = await loadMetricConfig(join(import.meta.dirname, '../../data/metrics.json'));
	PARAMS = { ...params, warranty_months_default: 12, warranty_months: {} };
	PER_MODEL = { ...params, warranty_months_default: 3, warranty_months: { B: 2 } };
});

type Db = BlockDatabase;

/** The block's database: one sales file and one repairs file of `dir`, imported as they are. */
const salesAndRepairs = (dir: string, sales: string, repairs: string): Db =>
	useFixtures(
		dir,
		[
			[sales, 'sales'],
			[repairs, 'repair']
		],
		{ whole: false }
	);

/** Runs a definition as the registry would (by defaulted to the first dimension), with our params. */
function run(
	db: Db,
	id: string,
	query: Partial<MetricQuery> = {},
	params?: MetricParams
): Promise<MetricRow[]> {
	const def = metrics.find((m) => m.id === id)!;
	return def.run({
		db: db.db,
		query: { filters: {}, by: def.dimensions[0], ...query },
		params: params ?? PARAMS
	});
}

const close = (value: number) => expect.closeTo(value, 12);

/**
 * A defects.monthly row. `scope` is [repairs in warranty, of them unknown]; by default every repair
 * is in warranty and none unknown (in_warranty is empty in repairs.csv, sold_at mostly inside W).
 */
const monthRow = (
	month: string,
	repairs: number,
	units: number,
	rate: unknown,
	[inWarranty, unknown] = [repairs, 0]
) => ({
	month,
	repairs,
	repairs_in_warranty: inWarranty,
	repairs_warranty_unknown: unknown,
	units_in_warranty: units,
	rate_per_1000: rate
});

/** Limits and rules of a month without units in warranty: none on either chart. */
const NO_LIMITS = { ucl: null, lcl: null, rules: [], ucl_laney: null, lcl_laney: null, rules_laney: [] };

/** A defects.pchart row of a month with repairs but no units in warranty: no p, no limits, no rule. */
const uncharted = (month: string, repairs: number, center: unknown) => ({
	month,
	repairs,
	units_in_warranty: 0,
	p: null,
	center,
	...NO_LIMITS
});

/*
 * tests/fixtures/metrics/defects/sales.csv (units):
 *   2023-10 A East 1000 | 2024-01 A East 100, A South 50, B East 200 | 2024-02 A East 100, B East 100
 *   2024-03 A East 200  | 2024-04 B South 300
 * repairs.csv (received, model, region, code, sold, supplier, centre):
 *   R01 01-10 A East  E5 01-02 S1 C1 | R02 01-20 B East  E2 01-05 S2 C1 | R03 02-03 A South E5 01-15 -  C2
 *   R04 02-28 23:59 A East E9 02-01 - C2 | R05 03-01 00:00 B East E2 01-20 S1 C1 | R06 03-15 18:30 A East E5 03-10 - C1
 *   R07 03-31 A East (no code, no sold) S2 C2 | R08 05-10 B South E2 04-12 - C2
 *   R09 07-05 A East E5 2023-12-20 S1 C1 | R10 07-20 B South E3 05-25 S3 C2
 * Repair coverage: 2024-01 … 2024-07.
 */
describe('defects metrics on hand-checked fixtures', () => {
	const db = salesAndRepairs(FIXTURES, 'sales.csv', 'repairs.csv');

	describe('defects.monthly', () => {
		it('counts units in warranty over each model’s own W months', async () => {
			// A (W 3): Jan 150 | Feb 150+100 = 250 | Mar 150+100+200 = 450 | Apr 100+200 = 300 | May 200
			//   (the 2023-10 sale is in warranty Oct–Dec only, so not in Jan.)
			// B (W 2): Jan 200 | Feb 200+100 = 300 | Mar 100 | Apr 300 | May 300
			// Repairs: Jan 2, Feb 2, Mar 3, Apr 0, May 1, Jun 0, Jul 2.
			// Jun: no repairs, no units → not listed. Jul: 2 repairs, 0 units → rate null.
			// R07 (Mar) has neither in_warranty nor sold_at → in warranty and unknown; R09 (Jul, A sold
			// 2023-12-20) is past A's W 3 → out of warranty. Every other repair is inside its W.
			expect(await run(db, 'defects.monthly', {}, PER_MODEL)).toEqual([
				monthRow('2024-01', 2, 350, close(2000 / 350)),
				monthRow('2024-02', 2, 550, close(2000 / 550)),
				monthRow('2024-03', 3, 550, close(3000 / 550), [3, 1]),
				monthRow('2024-04', 0, 600, 0),
				monthRow('2024-05', 1, 500, 2),
				monthRow('2024-07', 2, 0, null, [1, 0])
			]);
		});

		it('with W 12 for all, every earlier sale of the year counts and June is a real zero', async () => {
			// Jan 1000+350 = 1350 | Feb +200 = 1550 | Mar +200 = 1750 | Apr +300 = 2050 | May–Jul 2050
			// With W 12, R09 (sold 2023-12-20) is in warranty too; R07 is still unknown.
			expect(await run(db, 'defects.monthly')).toEqual([
				monthRow('2024-01', 2, 1350, close(2000 / 1350)),
				monthRow('2024-02', 2, 1550, close(2000 / 1550)),
				monthRow('2024-03', 3, 1750, close(3000 / 1750), [3, 1]),
				monthRow('2024-04', 0, 2050, 0),
				monthRow('2024-05', 1, 2050, close(1000 / 2050)),
				monthRow('2024-06', 0, 2050, 0),
				monthRow('2024-07', 2, 2050, close(2000 / 2050))
			]);
		});

		it('applies the model and region filters to repairs and sales alike', async () => {
			// model A: repairs R01 | R03 R04 | R06 R07 | – | – | – | R09 (out of warranty); units as A above.
			expect(await run(db, 'defects.monthly', { filters: { model: ['A'] } }, PER_MODEL)).toEqual([
				monthRow('2024-01', 1, 150, close(1000 / 150)),
				monthRow('2024-02', 2, 250, 8),
				monthRow('2024-03', 2, 450, close(2000 / 450), [2, 1]),
				monthRow('2024-04', 0, 300, 0),
				monthRow('2024-05', 0, 200, 0),
				monthRow('2024-07', 1, 0, null, [0, 0])
			]);
			// South: repairs R03 (Feb), R08 (May), R10 (Jul); units A Jan 50 (W 3: Jan–Mar), B Apr 300 (W 2: Apr–May).
			expect(await run(db, 'defects.monthly', { filters: { region: ['South'] } }, PER_MODEL)).toEqual([
				monthRow('2024-01', 0, 50, 0),
				monthRow('2024-02', 1, 50, 20),
				monthRow('2024-03', 0, 50, 0),
				monthRow('2024-04', 0, 300, 0),
				monthRow('2024-05', 1, 300, close(1000 / 300)),
				monthRow('2024-07', 1, 0, null)
			]);
			// category washer is model B.
			expect(await run(db, 'defects.monthly', { filters: { category: ['washer'] } }, PER_MODEL)).toEqual(
				await run(db, 'defects.monthly', { filters: { model: ['B'] } }, PER_MODEL)
			);
		});

		it('takes from/to as inclusive dates on received_at, months of the window only', async () => {
			// 2024-02-15 … 2024-03-15: Feb R04 (02-28 23:59); Mar R05 (03-01 00:00), R06 (03-15 18:30, the
			// whole `to` day counts); R07 (03-31) is out. Units as in the first test.
			expect(await run(db, 'defects.monthly', { from: '2024-02-15', to: '2024-03-15' }, PER_MODEL)).toEqual([
				monthRow('2024-02', 1, 550, close(1000 / 550)),
				monthRow('2024-03', 2, 550, close(2000 / 550))
			]);
		});

		it('gives a one-month series, and no rows for a window without data', async () => {
			expect(await run(db, 'defects.monthly', { from: '2024-05-01', to: '2024-05-31' }, PER_MODEL)).toEqual([
				monthRow('2024-05', 1, 500, 2)
			]);
			// Outside the repair data (sales of 2023-10 exist, but no repair export covers 2023).
			expect(await run(db, 'defects.monthly', { from: '2023-10-01', to: '2023-12-31' })).toEqual([]);
			expect(await run(db, 'defects.monthly', { from: '2025-01-01' })).toEqual([]);
			// June in the per-model setup: neither repairs nor units.
			expect(await run(db, 'defects.monthly', { from: '2024-06-01', to: '2024-06-30' }, PER_MODEL)).toEqual(
				[]
			);
		});
	});

	describe('defects.pareto', () => {
		it('sorts by count, then key, with the blank code last', async () => {
			// E5: R01 R03 R06 R09 = 4 | E2: R02 R05 R08 = 3 | E3: R10 = 1 | E9: R04 = 1 | null: R07 = 1; of 10.
			// E3 and E9 tie at 1: key order (E9 comes first in the file).
			expect(await run(db, 'defects.pareto')).toEqual([
				{ key: 'E5', name_zh: null, name_en: null, count: 4, share: 0.4, cum_share: 0.4 },
				{ key: 'E2', name_zh: null, name_en: null, count: 3, share: 0.3, cum_share: 0.7 },
				{ key: 'E3', name_zh: null, name_en: null, count: 1, share: 0.1, cum_share: 0.8 },
				{ key: 'E9', name_zh: null, name_en: null, count: 1, share: 0.1, cum_share: 0.9 },
				{ key: null, name_zh: null, name_en: null, count: 1, share: 0.1, cum_share: 1 }
			]);
		});

		it('keeps the blank group last even when it is the largest', async () => {
			// supplier: blank R03 R04 R06 R08 = 4 | S1 R01 R05 R09 = 3 | S2 R02 R07 = 2 | S3 R10 = 1.
			expect(await run(db, 'defects.pareto', { by: 'supplier' })).toEqual([
				{ key: 'S1', name_zh: null, name_en: null, count: 3, share: 0.3, cum_share: 0.3 },
				{ key: 'S2', name_zh: null, name_en: null, count: 2, share: 0.2, cum_share: 0.5 },
				{ key: 'S3', name_zh: null, name_en: null, count: 1, share: 0.1, cum_share: 0.6 },
				{ key: null, name_zh: null, name_en: null, count: 4, share: 0.4, cum_share: 1 }
			]);
			expect(await run(db, 'defects.pareto', { by: 'product_model' })).toEqual([
				{ key: 'A', name_zh: null, name_en: null, count: 6, share: 0.6, cum_share: 0.6 },
				{ key: 'B', name_zh: null, name_en: null, count: 4, share: 0.4, cum_share: 1 }
			]);
		});

		it('filters by supplier, service centre, region and dates', async () => {
			// S1: R01 E5, R05 E2, R09 E5.
			expect(await run(db, 'defects.pareto', { filters: { supplier: ['S1'] } })).toEqual([
				{ key: 'E5', name_zh: null, name_en: null, count: 2, share: close(2 / 3), cum_share: close(2 / 3) },
				{ key: 'E2', name_zh: null, name_en: null, count: 1, share: close(1 / 3), cum_share: 1 }
			]);
			// C2: R03 E5, R04 E9, R07 null, R08 E2, R10 E3 — a five-way tie.
			expect(await run(db, 'defects.pareto', { filters: { service_center: ['C2'] } })).toEqual([
				{ key: 'E2', name_zh: null, name_en: null, count: 1, share: 0.2, cum_share: 0.2 },
				{ key: 'E3', name_zh: null, name_en: null, count: 1, share: 0.2, cum_share: 0.4 },
				{ key: 'E5', name_zh: null, name_en: null, count: 1, share: 0.2, cum_share: 0.6 },
				{ key: 'E9', name_zh: null, name_en: null, count: 1, share: 0.2, cum_share: 0.8 },
				{ key: null, name_zh: null, name_en: null, count: 1, share: 0.2, cum_share: 1 }
			]);
			// South and from 2024-05-01: R08 E2, R10 E3.
			expect(await run(db, 'defects.pareto', { from: '2024-05-01', filters: { region: ['South'] } })).toEqual(
				[
					{ key: 'E2', name_zh: null, name_en: null, count: 1, share: 0.5, cum_share: 0.5 },
					{ key: 'E3', name_zh: null, name_en: null, count: 1, share: 0.5, cum_share: 1 }
				]
			);
			expect(await run(db, 'defects.pareto', { from: '2025-01-01' })).toEqual([]);
		});
	});

	describe('defects.pchart', () => {
		it('follows the formulas; a month without units is not charted', async () => {
			// Charted (per-model W): Jan 2/350, Feb 2/550, Mar 3/550, Apr 0/600, May 1/500; Jul has no units.
			// repairs = repairs in warranty: Jul's R09 is past A's W 3, so Jul has 1 of its 2 repairs.
			// center = (2+2+3+0+1) / (350+550+550+600+500) = 8/2550.
			const c = 8 / 2550;
			const charted = [
				[2, 350],
				[2, 550],
				[3, 550],
				[0, 600],
				[1, 500]
			];
			const sigmaOf = (n: number) => Math.sqrt((c * (1 - c)) / n);
			// Laney: σ_z = mean |z_i − z_(i−1)| / 1.128 over the five charted months; five months are
			// too few for the diagnostic (8), so the chart stays 'p'.
			const z = charted.map(([r, n]) => (r / n - c) / sigmaOf(n));
			const sigmaZ = z.slice(1).reduce((sum, v, i) => sum + Math.abs(v - z[i]), 0) / 4 / 1.128;
			const whole = { sigma_z: close(sigmaZ), dispersion_ratio: null, dispersion_limit: null, chart: 'p' };
			const row = (month: string, repairs: number, n: number) => {
				const sigma = sigmaOf(n);
				return {
					month,
					repairs,
					units_in_warranty: n,
					p: close(repairs / n),
					center: close(c),
					ucl: close(c + 3 * sigma),
					// c − 3σ < 0 for every month here (σ ≥ √(c(1−c)/600) ≈ 0.00228 > c/3 ≈ 0.00105).
					lcl: 0,
					rules: [],
					// σ_z ≈ 1.03: the p′ band is a little wider, so its lower limit is 0 too.
					ucl_laney: close(c + 3 * sigma * sigmaZ),
					lcl_laney: 0,
					rules_laney: [],
					...whole
				};
			};
			// z: Jan +0.86, Feb +0.21, Mar +0.97, Apr −1.37, May −0.45: no rule.
			expect(await run(db, 'defects.pchart', {}, PER_MODEL)).toEqual([
				row('2024-01', 2, 350),
				row('2024-02', 2, 550),
				row('2024-03', 3, 550),
				row('2024-04', 0, 600),
				row('2024-05', 1, 500),
				{ ...uncharted('2024-07', 1, close(c)), ...whole }
			]);
		});

		it('charts a one-month series on its own centre and gives no rows for an empty window', async () => {
			// May alone: center = 1/500 = p, so z = 0; σ = √(0.002·0.998/500).
			const sigma = Math.sqrt((0.002 * 0.998) / 500);
			expect(await run(db, 'defects.pchart', { from: '2024-05-01', to: '2024-05-31' }, PER_MODEL)).toEqual([
				{
					month: '2024-05',
					repairs: 1,
					units_in_warranty: 500,
					p: 0.002,
					center: 0.002,
					ucl: close(0.002 + 3 * sigma),
					lcl: 0,
					rules: [],
					// One month has no moving range: no σ_z, no p′ limits, no diagnostic.
					ucl_laney: null,
					lcl_laney: null,
					rules_laney: [],
					sigma_z: null,
					dispersion_ratio: null,
					dispersion_limit: null,
					chart: 'p'
				}
			]);
			expect(await run(db, 'defects.pchart', { to: '2023-12-31' })).toEqual([]);
		});
	});

	describe('defects.mis', () => {
		it('fills the triangle of each cohort up to the last repair month', async () => {
			// Window 2024-01 … 2024-07. Cohorts with sales in it: Jan 350, Feb 200, Mar 200, Apr 300; May has
			// a claim (R10) but no sales: units 0, rate null. 2023-10 (sales) and 2023-12 (R09) lie
			// before the window; R07 has no sold_at. Claims: Jan mis 0 R01 R02, mis 1 R03, mis 2 R05;
			// Feb mis 0 R04; Mar mis 0 R06; Apr mis 1 R08; May mis 2 R10.
			const rows = await run(db, 'defects.mis');
			const cells = (cohort: string, units: number, claims: number[]) => {
				let cum = 0;
				return claims.map((n, mis) => {
					cum += n;
					return {
						cohort,
						mis,
						claims: n,
						units,
						cum_claims_per_1000: units ? close((cum * 1000) / units) : null
					};
				});
			};
			expect(rows).toEqual([
				// cum per 1000: 2000/350, 3000/350, 4000/350, then flat.
				...cells('2024-01', 350, [2, 1, 1, 0, 0, 0, 0]),
				...cells('2024-02', 200, [1, 0, 0, 0, 0, 0]), // 5 throughout
				...cells('2024-03', 200, [1, 0, 0, 0, 0]), // 5 throughout
				...cells('2024-04', 300, [0, 1, 0, 0]), // 0, then 1000/300
				...cells('2024-05', 0, [0, 0, 1])
			]);
			expect(rows).toHaveLength(7 + 6 + 5 + 4 + 3);
			expect(rows[2]).toEqual({
				cohort: '2024-01',
				mis: 2,
				claims: 1,
				units: 350,
				cum_claims_per_1000: close(4000 / 350)
			});
		});

		it('ends at --to and follows the model filter', async () => {
			// To 2024-04-30: claims R01 … R06 (R07 has no sold_at); cohorts Jan … Apr, mis up to Apr.
			expect(await run(db, 'defects.mis', { to: '2024-04-30' })).toEqual([
				{ cohort: '2024-01', mis: 0, claims: 2, units: 350, cum_claims_per_1000: close(2000 / 350) },
				{ cohort: '2024-01', mis: 1, claims: 1, units: 350, cum_claims_per_1000: close(3000 / 350) },
				{ cohort: '2024-01', mis: 2, claims: 1, units: 350, cum_claims_per_1000: close(4000 / 350) },
				{ cohort: '2024-01', mis: 3, claims: 0, units: 350, cum_claims_per_1000: close(4000 / 350) },
				{ cohort: '2024-02', mis: 0, claims: 1, units: 200, cum_claims_per_1000: 5 },
				{ cohort: '2024-02', mis: 1, claims: 0, units: 200, cum_claims_per_1000: 5 },
				{ cohort: '2024-02', mis: 2, claims: 0, units: 200, cum_claims_per_1000: 5 },
				{ cohort: '2024-03', mis: 0, claims: 1, units: 200, cum_claims_per_1000: 5 },
				{ cohort: '2024-03', mis: 1, claims: 0, units: 200, cum_claims_per_1000: 5 },
				{ cohort: '2024-04', mis: 0, claims: 0, units: 300, cum_claims_per_1000: 0 }
			]);
			// Model B: sales Jan 200, Feb 100, Apr 300; claims R02 (Jan mis 0), R05 (Jan mis 2), R08 (Apr mis 1),
			// R10 (May mis 2, no sales). Jan: 1, 1, 2 … → 5, 5, 10 … per 1000.
			const b = await run(db, 'defects.mis', { filters: { model: ['B'] } });
			expect(b.map((r) => [r.cohort, r.mis, r.claims, r.units, r.cum_claims_per_1000])).toEqual([
				['2024-01', 0, 1, 200, 5],
				['2024-01', 1, 0, 200, 5],
				['2024-01', 2, 1, 200, 10],
				['2024-01', 3, 0, 200, 10],
				['2024-01', 4, 0, 200, 10],
				['2024-01', 5, 0, 200, 10],
				['2024-01', 6, 0, 200, 10],
				...[0, 1, 2, 3, 4, 5].map((mis) => ['2024-02', mis, 0, 100, 0]),
				['2024-04', 0, 0, 300, 0],
				['2024-04', 1, 1, 300, close(1000 / 300)],
				['2024-04', 2, 0, 300, close(1000 / 300)],
				['2024-04', 3, 0, 300, close(1000 / 300)],
				['2024-05', 0, 0, 0, null],
				['2024-05', 1, 0, 0, null],
				['2024-05', 2, 1, 0, null]
			]);
		});

		it('gives no rows for a window without repair data', async () => {
			expect(await run(db, 'defects.mis', { from: '2025-01-01' })).toEqual([]);
			expect(await run(db, 'defects.mis', { to: '2023-12-31' })).toEqual([]);
		});
	});
});

/*
 * pchart-sales.csv / pchart-repairs.csv: model P1, 16 units sold every month 2023-01 … 2024-11
 * except 2024-07, which has 1 repair and no sales. With W = 1 each charted month has n = 16.
 * Repairs r per charted month were chosen as r = 8 + 2z for the z series below (Σz = 0), so
 * center = 176 / (22 × 16) = 0.5, σ = √(0.5 · 0.5 / 16) = 0.125 and z = (r/16 − 0.5) / 0.125.
 */
describe('defects.pchart rules on a series built to trigger each', () => {
	const db = salesAndRepairs(FIXTURES, 'pchart-sales.csv', 'pchart-repairs.csv');

	it('flags rule 1 at 2023-03, 2 at 2023-07, 3 at 2024-02 and 4 at 2024-11 — nothing else', async () => {
		const rows = await run(db, 'defects.pchart', {}, { ...PARAMS, warranty_months_default: 1 });
		// prettier-ignore
		const z = [1.5, -0.5, 3.5, -0.5, -2.5, 1.5, -2.5, 1.5, -0.5, -1.5, -1.5, 0.5, -1.5, -1.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5];
		// 3.5 → rule 1. 2023-07: −2.5 with 2023-05 −2.5 in the last three → rule 2. 2024-02: −1.5 with
		// three more below −1σ in the last five → rule 3. 2024-11: eighth +0.5 in a row, the uncharted
		// 2024-07 skipped → rule 4.
		const months = rows.map((r) => r.month);
		expect(months).toHaveLength(23);
		expect(rows[18]).toEqual({
			...uncharted('2024-07', 1, 0.5),
			// σ_z = mean |Δz| / 1.128 over the 22 charted months (the uncharted month skipped). The
			// series was built wider than binomial (z up to 3.5): the diagnostic picks the p′ chart.
			sigma_z: close(z.slice(1).reduce((sum, v, i) => sum + Math.abs(v - z[i]), 0) / 21 / 1.128),
			dispersion_ratio: expect.any(Number),
			dispersion_limit: expect.any(Number),
			chart: 'laney'
		});
		const charted = rows.filter((r) => r.p !== null);
		expect(charted.map((r) => r.repairs)).toEqual(z.map((v) => 8 + 2 * v));
		for (const r of charted) {
			expect(r).toMatchObject({ units_in_warranty: 16, center: 0.5, ucl: 0.875, lcl: 0.125 });
			expect(((r.p as number) - 0.5) / 0.125).toBe(z[charted.indexOf(r)]);
		}
		expect(rows.filter((r) => (r.rules as number[]).length).map((r) => [r.month, r.rules])).toEqual([
			['2023-03', [1]],
			['2023-07', [2]],
			['2024-02', [3]],
			['2024-11', [4]]
		]);
	});
});

describe('defects on the demo data', () => {
	const db = salesAndRepairs(SAMPLES, 'sales-2022-2025.xlsx', 'repairs-2023-2025.gbk.csv');

	it('flags the BCD-450W spike (2024-06 … 08) with rule 1 and puts E5 first in its Pareto', async () => {
		// The shipped config: W 12 for every model, as the demo data's README assumes.
		const chart = await run(db, 'defects.pchart', { filters: { model: ['BCD-450W'] } });
		const spike = chart.filter((r) => ['2024-06', '2024-07', '2024-08'].includes(r.month as string));
		expect(spike).toHaveLength(3);
		expect(spike.some((r) => (r.rules as number[]).includes(1))).toBe(true);
		// The diagnostic picks the Laney p′ chart for this model, and the spike is beyond its limits too.
		expect(chart[0].chart).toBe('laney');
		expect(spike.some((r) => (r.rules_laney as number[]).includes(1))).toBe(true);

		const top = await run(db, 'defects.pareto', {
			from: '2024-06-01',
			to: '2024-08-31',
			filters: { model: ['BCD-450W'] }
		});
		expect(top[0].key).toBe('E5');
		expect(top.at(-1)!.cum_share).toBe(1);
	});

	it('finds all models overdispersed: the p′ chart flags fewer months than the binomial limits', async () => {
		// ~50 000 units in warranty a month make the binomial limits far narrower than the real
		// month-to-month variation: the diagnostic's ratio is well above its 95% limit.
		const rows = await run(db, 'defects.pchart');
		const charted = rows.filter((r) => r.p !== null);
		expect(charted.length).toBeGreaterThanOrEqual(24);
		expect(rows[0].chart).toBe('laney');
		expect(rows[0].dispersion_ratio as number).toBeGreaterThan(2 * (rows[0].dispersion_limit as number));
		const flagged = (key: 'rules' | 'rules_laney') =>
			charted.filter((r) => (r[key] as number[]).length).length;
		expect(flagged('rules_laney')).toBeLessThan(flagged('rules'));
	});
});
