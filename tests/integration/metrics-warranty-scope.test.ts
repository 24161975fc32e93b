/* Over 300 lines: the warranty scope rule through every metric that reads it (defects, cost,
   repairs, records) and every door that takes its filter (registry, HTTP, CLI), each case beside
   the hand-computed numbers it checks. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricQuery, MetricRow } from '../../src/lib/domain/metrics/query';
import { errorResponse } from '../../src/lib/server/http/api';
import { parseMetricQuery } from '../../src/lib/server/http/metric-query';
import { importFile } from '../../src/lib/server/ingest';
import { loadMetricConfig, type MetricParams } from '../../src/lib/server/metrics/config';
import { MetricQueryError } from '../../src/lib/server/metrics/errors';
import { recordsArrow } from '../../src/lib/server/metrics/records';
import { metricDefinition, runMetric } from '../../src/lib/server/metrics/registry';
import { tempDatabase } from '../helpers/temp-db';

/** Described, repair by repair, in tests/fixtures/metrics/scope/README.md. */
const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'tests/fixtures/metrics/scope');

type Ctx = Awaited<ReturnType<typeof tempDatabase>>;

/** W 12 for every model, and the same with model B at W 6. */
let W12: MetricParams;
let B6: MetricParams;

/** Runs a metric's definition as the registry would, with the given params. */
function run(ctx: Ctx, id: string, query: Partial<MetricQuery>, params: MetricParams): Promise<MetricRow[]> {
	const def = metricDefinition(id);
	return def.run({ db: ctx.db, query: { filters: {}, by: def.dimensions[0], ...query }, params });
}

const close = (value: number) => expect.closeTo(value, 12);

let ctx: Ctx;
beforeAll(async () => {
	const { params } = await loadMetricConfig(join(ROOT, 'data/metrics.json'));
	W12 = { ...params, warranty_months_default: 12, warranty_months: {} };
	B6 = { ...W12, warranty_months: { B: 6 } };
	ctx = await tempDatabase();
	await importFile(ctx.db, join(FIXTURES, 'sales.csv'), { kind: 'sales' });
	await importFile(ctx.db, join(FIXTURES, 'repairs.csv'), { kind: 'repair' });
});
afterAll(() => ctx.remove());

describe('defects.monthly and defects.pchart count only repairs in warranty in the rate', () => {
	it('applies yes, no, the date rule on both sides of W, unknown, and a model’s own W', async () => {
		// Units in warranty: June A 1000 + B 500 (W 6: Jan–Jun) + A 100 = 1600; July A 1000 + 100 = 1100.
		// June: W1–W6 = 6 repairs; in warranty W1 (yes), W3 (last day of W), W5 (unknown), W6 = 4;
		//   out W2 (no), W4 (the day after W). Rate 4 / 1600 × 1000 = 2.5 (all repairs would give 3.75).
		// July: W7 out (B's W 6 ended 2024-07-15), W8 in (yes, no sold_at: not unknown).
		expect(await run(ctx, 'defects.monthly', {}, B6)).toEqual([
			{
				month: '2024-06',
				repairs: 6,
				repairs_in_warranty: 4,
				repairs_warranty_unknown: 1,
				units_in_warranty: 1600,
				rate_per_1000: 2.5
			},
			{
				month: '2024-07',
				repairs: 2,
				repairs_in_warranty: 1,
				repairs_warranty_unknown: 0,
				units_in_warranty: 1100,
				rate_per_1000: close(1000 / 1100)
			}
		]);
	});

	it('follows the warranty months of the model: with W 12 for B, W7 is in warranty', async () => {
		// July: B's 500 units still in warranty → 1600; W7 and W8 in → 2 / 1600 × 1000 = 1.25.
		const [, july] = await run(ctx, 'defects.monthly', {}, W12);
		expect(july).toEqual({
			month: '2024-07',
			repairs: 2,
			repairs_in_warranty: 2,
			repairs_warranty_unknown: 0,
			units_in_warranty: 1600,
			rate_per_1000: 1.25
		});
	});

	it('gives the p-chart the same numerator: its repairs are the repairs in warranty', async () => {
		const rows = await run(ctx, 'defects.pchart', {}, B6);
		expect(rows).toMatchObject([
			{ month: '2024-06', repairs: 4, units_in_warranty: 1600, p: 4 / 1600, center: close(5 / 2700) },
			{ month: '2024-07', repairs: 1, units_in_warranty: 1100, p: close(1 / 1100), center: close(5 / 2700) }
		]);
	});
});

describe('cost.monthly splits warranty cost from the cost of all repairs', () => {
	it('keeps its columns over all repairs and adds the warranty columns', async () => {
		// June: parts 100+150+40+80+10+20 = 400, labour 50 (W2), total 450 over 6 repairs = 75; units sold
		//   (sales of June) 100 → 4.5; the sales file has no revenue: revenue unknown (null).
		//   Warranty: W1 100 + W3 40 + W5 10 + W6 20 = 170 over 4 repairs, 1.7 per unit sold;
		//   out of warranty: W2 200 + W4 80 = 280.
		// July: W7 300 + W8 50 = 350, no sales (0 units, per unit null, revenue 0); warranty W8 50, out 300.
		expect(await run(ctx, 'cost.monthly', {}, B6)).toEqual([
			{
				month: '2024-06',
				repairs: 6,
				parts: 400,
				labor: 50,
				logistics: 0,
				other: 0,
				total: 450,
				cost_per_repair: 75,
				units_sold: 100,
				cost_per_unit_sold: 4.5,
				revenue: null,
				revenue_share: null,
				warranty_total: 170,
				warranty_repairs: 4,
				warranty_cost_per_unit_sold: 1.7,
				out_of_warranty_total: 280
			},
			{
				month: '2024-07',
				repairs: 2,
				parts: 350,
				labor: 0,
				logistics: 0,
				other: 0,
				total: 350,
				cost_per_repair: 175,
				units_sold: 0,
				cost_per_unit_sold: null,
				revenue: 0,
				revenue_share: null,
				warranty_total: 50,
				warranty_repairs: 1,
				warranty_cost_per_unit_sold: null,
				out_of_warranty_total: 300
			}
		]);
		// With W 12 for B, W7's 300 is warranty cost too.
		const [, july] = await run(ctx, 'cost.monthly', {}, W12);
		expect(july).toMatchObject({
			total: 350,
			warranty_total: 350,
			warranty_repairs: 2,
			out_of_warranty_total: 0
		});
	});
});

describe('the in_warranty filter', () => {
	const yes = { filters: { in_warranty: ['yes'] } };
	const no = { filters: { in_warranty: ['no'] } };

	it('narrows the repairs of defects.monthly, not the units in warranty', async () => {
		expect(await run(ctx, 'defects.monthly', yes, B6)).toEqual([
			{
				month: '2024-06',
				repairs: 4,
				repairs_in_warranty: 4,
				repairs_warranty_unknown: 1,
				units_in_warranty: 1600,
				rate_per_1000: 2.5
			},
			{
				month: '2024-07',
				repairs: 1,
				repairs_in_warranty: 1,
				repairs_warranty_unknown: 0,
				units_in_warranty: 1100,
				rate_per_1000: close(1000 / 1100)
			}
		]);
		// Out of warranty: W2, W4 in June, W7 in July; none of them counts in the rate.
		expect(await run(ctx, 'defects.monthly', no, B6)).toEqual([
			{
				month: '2024-06',
				repairs: 2,
				repairs_in_warranty: 0,
				repairs_warranty_unknown: 0,
				units_in_warranty: 1600,
				rate_per_1000: 0
			},
			{
				month: '2024-07',
				repairs: 1,
				repairs_in_warranty: 0,
				repairs_warranty_unknown: 0,
				units_in_warranty: 1100,
				rate_per_1000: 0
			}
		]);
	});

	it('narrows cost, Pareto, cost drivers, turnaround and repeat repairs by the same rule', async () => {
		expect(await run(ctx, 'cost.monthly', no, B6)).toMatchObject([
			{ month: '2024-06', repairs: 2, total: 280, warranty_total: 0, out_of_warranty_total: 280 },
			{ month: '2024-07', repairs: 1, total: 300, warranty_total: 0, out_of_warranty_total: 300 }
		]);
		// Out: A W2 W4, B W7.
		expect(await run(ctx, 'defects.pareto', { ...no, by: 'product_model' }, B6)).toEqual([
			{ key: 'A', name_zh: null, name_en: null, count: 2, share: close(2 / 3), cum_share: close(2 / 3) },
			{ key: 'B', name_zh: null, name_en: null, count: 1, share: close(1 / 3), cum_share: 1 }
		]);
		// In: A W1 100 + W3 40 + W5 10 + W8 50 = 200; B W6 20.
		expect(await run(ctx, 'cost.drivers', { ...yes, by: 'product_model' }, B6)).toEqual([
			{ key: 'A', name_zh: null, name_en: null, total: 200, share: close(200 / 220), repairs: 4 },
			{ key: 'B', name_zh: null, name_en: null, total: 20, share: close(20 / 220), repairs: 1 }
		]);
		const repairs = async (id: string) => (await run(ctx, id, no, B6)).map((r) => [r.month, r.repairs]);
		expect(await repairs('repairs.turnaround')).toEqual([
			['2024-06', 2],
			['2024-07', 1]
		]);
		expect(await repairs('repairs.repeat')).toEqual([
			['2024-06', 2],
			['2024-07', 1]
		]);
		expect(await run(ctx, 'defects.mis', no, B6)).not.toHaveLength(0);
	});

	it('takes yes and no together as every repair', async () => {
		const both = await run(ctx, 'defects.monthly', { filters: { in_warranty: ['yes', 'no'] } }, B6);
		expect(both).toEqual(await run(ctx, 'defects.monthly', {}, B6));
	});

	it('narrows the records behind a chart (shipped config: W 12, so W7 is in warranty)', async () => {
		const bytes = await recordsArrow(ctx.db, 'repairs', no, { limit: 100, offset: 0 });
		const ids = tableFromIPC(bytes)
			.toArray()
			.map((r) => String(r.repair_id));
		expect(ids.sort()).toEqual(['W2', 'W4']);
	});

	it('is refused, with the values it takes, for any other value', async () => {
		const message = 'the filter in_warranty accepts yes, no; not "maybe"';
		const maybe = { filters: { in_warranty: ['maybe'] } };
		await expect(runMetric(ctx.db, 'defects.monthly', maybe)).rejects.toThrow(MetricQueryError);
		await expect(runMetric(ctx.db, 'cost.monthly', maybe)).rejects.toThrow(message);
		await expect(recordsArrow(ctx.db, 'repairs', maybe, { limit: 10, offset: 0 })).rejects.toThrow(message);
		// The HTTP API: the query string as /api/metrics/defects.pchart reads it, the error as it answers.
		const query = parseMetricQuery(new URLSearchParams('in_warranty=maybe'), null);
		const error = await runMetric(ctx.db, 'defects.pchart', query).catch((e: unknown) => e);
		const response = errorResponse(error, 'en');
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({ error: message });
		// A request by API token states no language: it is answered in both, zh-CN first.
		expect(await errorResponse(error, null).json()).toEqual({
			error: `筛选 in_warranty 可取 yes, no；不能是 "maybe" / ${message}`
		});
	});

	it('is refused by metrics of other records', async () => {
		await expect(runMetric(ctx.db, 'returns.monthly', { filters: { in_warranty: ['yes'] } })).rejects.toThrow(
			/returns.monthly accepts the filters .*; not "in_warranty"/
		);
	});
});

describe('the in_warranty filter from the command line', () => {
	function workbench(args: string[]) {
		const r = spawnSync(process.execPath, [join(ROOT, 'bin/workbench.js'), ...args], {
			cwd: ROOT,
			env: { ...process.env, WORKBENCH_DB: join(ctx.dir, 'cli.duckdb') },
			encoding: 'utf8'
		});
		return { code: r.status, stdout: r.stdout, stderr: r.stderr };
	}

	it('filters with --filter in_warranty=no and refuses --filter in_warranty=maybe', () => {
		for (const [file, kind] of [
			['sales.csv', 'sales'],
			['repairs.csv', 'repair']
		]) {
			expect(workbench(['import', join(FIXTURES, file), '--kind', kind, '--json']).code).toBe(0);
		}
		const ok = workbench(['metric', 'defects.monthly', '--filter', 'in_warranty=no', '--json']);
		expect(ok.code).toBe(0);
		// Shipped config, W 12 for all: out of warranty W2 and W4 in June, nothing in July.
		expect(JSON.parse(ok.stdout).rows.map((r: MetricRow) => [r.month, r.repairs])).toEqual([
			['2024-06', 2],
			['2024-07', 0]
		]);
		const refused = workbench(['metric', 'defects.monthly', '--filter', 'in_warranty=maybe']);
		expect(refused.code).not.toBe(0);
		expect(refused.stderr).toContain('the filter in_warranty accepts yes, no; not "maybe"');
	});
});
