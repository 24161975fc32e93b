/* Over 300 lines: returns, complaints, escalations and satisfaction against hand-computed figures,
   each case beside the rows it checks. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Kind } from '../../src/lib/domain/records';
import type { MetricQuery, MetricRow } from '../../src/lib/domain/metrics/query';
import type { Database } from '../../src/lib/server/db/connection';
import { loadMetricConfig, type MetricParams } from '../../src/lib/server/metrics/config';
import { MetricQueryError } from '../../src/lib/server/metrics/errors';
import { metricDefinition } from '../../src/lib/server/metrics/registry';
import { prepareRepairRollups, repairSource } from '../../src/lib/server/metrics/repair-rollups';
import { Params } from '../../src/lib/server/metrics/sql';
import { importDemoData } from '../helpers/demo-data';
import {
	metricRows,
	oneComplaintWithinTargets,
	oneReturnWithinTargets,
	useFixtures
} from '../helpers/metric-fixtures';
import { count, tempDatabase, useTempDatabase } from '../helpers/temp-db';

/**
 * Returns, complaints and satisfaction metrics. Expected values are worked out by hand from the fixtures in
 * tests/fixtures/metrics/service (the arithmetic is in the comments), then checked on the demo data
 * against the figures data/samples/README.md states.
 */
const FIXTURES = join(import.meta.dirname, '../fixtures/metrics/service');

const load = (files: [string, Kind][]) => useFixtures(FIXTURES, files);
const metric = metricRows;

/** Runs a metric with some params changed from data/metrics.json. */
async function withParams(db: Database, id: string, change: Partial<MetricParams>): Promise<MetricRow[]> {
	const params = { ...(await loadMetricConfig()).params, ...change };
	const def = metricDefinition(id);
	return def.run({ db, query: { filters: {}, by: def.dimensions[0] }, params });
}

const pick = (rows: MetricRow[], ...keys: string[]) =>
	rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])));

describe('returns.monthly', () => {
	const ctx = load([
		['sales.csv', 'sales'],
		['returns.csv', 'return']
	]);

	it('counts returns against units sold, with counter and inspection shares at the exact targets', async () => {
		expect(await metric(ctx.db, 'returns.monthly')).toEqual([
			{
				// R1 R2 R3 R4; units 100 + 50 + 200 = 350. Counter: R1 10 min (= target) and R3 5 min within; R2
				// 11 min not; R4 has no counter time. Inspection: R1 30 min (= target) and R4 25 min (across
				// midnight into February, still January's) within; R2 31 min not; R3 (refund) has none.
				month: '2024-01',
				returns: 4,
				units_sold: 350,
				return_rate: 4 / 350,
				exchanges: 1,
				refunds: 1,
				counter_within_target_share: 2 / 4,
				inspection_within_target_share: 2 / 4,
				inspection_within_target_share_excl_refunds: 2 / 3, // R1 R4 of R1 R2 R4
				// As of R5 (2024-03-02 08:00): every deadline has passed, nothing pending.
				pending: 0,
				counter_pending: 0
			},
			{
				// No returns but 80 units sold: the gap month is shown, rate 0, shares have no denominator.
				month: '2024-02',
				returns: 0,
				units_sold: 80,
				return_rate: 0,
				exchanges: 0,
				refunds: 0,
				counter_within_target_share: null,
				inspection_within_target_share: null,
				inspection_within_target_share_excl_refunds: null,
				pending: 0,
				counter_pending: 0
			},
			// R5: 2 and 20 minutes; no sales rows for March: 0 units, rate null.
			oneReturnWithinTargets('2024-03')
		]);
	});

	it('applies model, channel and region to returns and sales alike', async () => {
		const cols = ['month', 'returns', 'units_sold', 'return_rate', 'counter_within_target_share'];
		// M1: R1 R2 R3 in January against 100 + 50 units; counter R1 R3 of 3.
		expect(pick(await metric(ctx.db, 'returns.monthly', { filters: { model: ['M1'] } }), ...cols)).toEqual([
			{
				month: '2024-01',
				returns: 3,
				units_sold: 150,
				return_rate: 3 / 150,
				counter_within_target_share: 2 / 3
			},
			{ month: '2024-02', returns: 0, units_sold: 80, return_rate: 0, counter_within_target_share: null },
			{ month: '2024-03', returns: 1, units_sold: 0, return_rate: null, counter_within_target_share: 1 }
		]);
		// 线上商城: R3 only, against the 50 online units; a one-month series.
		const online = await metric(ctx.db, 'returns.monthly', { filters: { channel: ['线上商城'] } });
		expect(pick(online, ...cols, 'refunds', 'inspection_within_target_share_excl_refunds')).toEqual([
			{
				month: '2024-01',
				returns: 1,
				units_sold: 50,
				return_rate: 1 / 50,
				counter_within_target_share: 1,
				refunds: 1,
				inspection_within_target_share_excl_refunds: null // no return that is not a refund
			}
		]);
		const south = await metric(ctx.db, 'returns.monthly', { filters: { region: ['华南'] } });
		expect(pick(south, 'month', 'returns', 'units_sold')).toEqual([
			{ month: '2024-01', returns: 1, units_sold: 50 }
		]);
	});

	it('filters returns by supplier but gives no units sold or rate (sales have no supplier)', async () => {
		const rows = await metric(ctx.db, 'returns.monthly', { filters: { supplier: ['S1'] } });
		// S1: R1 R2 in January, R5 in March.
		expect(
			pick(rows, 'month', 'returns', 'units_sold', 'return_rate', 'counter_within_target_share')
		).toEqual([
			{
				month: '2024-01',
				returns: 2,
				units_sold: null,
				return_rate: null,
				counter_within_target_share: 1 / 2
			},
			{
				month: '2024-02',
				returns: 0,
				units_sold: null,
				return_rate: null,
				counter_within_target_share: null
			},
			{ month: '2024-03', returns: 1, units_sold: null, return_rate: null, counter_within_target_share: 1 }
		]);
	});

	it('windows on requested_at with an inclusive end date and returns nothing for an empty window', async () => {
		// 2024-01-06 … 2024-01-31 holds R2, R3 and R4 (23:55 on the last day); units are the whole month's.
		const rows = await metric(ctx.db, 'returns.monthly', { from: '2024-01-06', to: '2024-01-31' });
		expect(pick(rows, 'month', 'returns', 'units_sold', 'return_rate')).toEqual([
			{ month: '2024-01', returns: 3, units_sold: 350, return_rate: 3 / 350 }
		]);
		expect(await metric(ctx.db, 'returns.monthly', { from: '2024-02-01', to: '2024-02-29' })).toEqual([]);
	});

	it('reads the targets from the config', async () => {
		// Counter target 11 min: R2 (11 min) joins R1 and R3; inspection target 31 min: R2 (31 min) joins R1 and R4.
		const [jan] = await withParams(ctx.db, 'returns.monthly', {
			counter_target_minutes: 11,
			inspection_target_minutes: 31
		});
		expect(pick([jan], 'counter_within_target_share', 'inspection_within_target_share')).toEqual([
			{ counter_within_target_share: 3 / 4, inspection_within_target_share: 3 / 4 }
		]);
	});
});

describe('complaints.sla', () => {
	const ctx = load([['complaints-sla.csv', 'complaint']]);

	it('counts exactly 4 h and 48 h as within target, a missing time as not, and open complaints', async () => {
		expect(await metric(ctx.db, 'complaints.sla')).toEqual([
			// C1 4 h 00 / 48 h 00 within; C2 4 h 01 / 48 h 01 not; C3 no response, unresolved; C4 30 min,
			// unresolved. Response 2 of 4 (C1 C4), resolution 1 of 4 (C1), open 2 (C3 C4). Nothing pending: the
			// data is as of C5 (2024-07-10 09:00), long past every May deadline, and C5 has both times.
			{
				month: '2024-05',
				complaints: 4,
				response_within_target_share: 2 / 4,
				resolution_within_target_share: 1 / 4,
				open: 2,
				pending: 0,
				response_pending: 0
			},
			// No complaints in June: zero denominators give null shares.
			{
				month: '2024-06',
				complaints: 0,
				response_within_target_share: null,
				resolution_within_target_share: null,
				open: 0,
				pending: 0,
				response_pending: 0
			},
			// C5: 5 min, 24 h.
			oneComplaintWithinTargets('2024-07')
		]);
	});

	it('applies supplier, channel, model and region filters', async () => {
		const cols = [
			'month',
			'complaints',
			'response_within_target_share',
			'resolution_within_target_share',
			'open'
		];
		const run = async (filters: MetricQuery['filters']) =>
			pick(await metric(ctx.db, 'complaints.sla', { filters }), ...cols);
		// S1: C1 C2 only, one month.
		expect(await run({ supplier: ['S1'] })).toEqual([
			{
				month: '2024-05',
				complaints: 2,
				response_within_target_share: 1 / 2,
				resolution_within_target_share: 1 / 2,
				open: 0
			}
		]);
		// 400热线: C1 C3 in May, C5 in July.
		expect(await run({ channel: ['400热线'] })).toEqual([
			{
				month: '2024-05',
				complaints: 2,
				response_within_target_share: 1 / 2,
				resolution_within_target_share: 1 / 2,
				open: 1
			},
			{
				month: '2024-06',
				complaints: 0,
				response_within_target_share: null,
				resolution_within_target_share: null,
				open: 0
			},
			{
				month: '2024-07',
				complaints: 1,
				response_within_target_share: 1,
				resolution_within_target_share: 1,
				open: 0
			}
		]);
		// M2: C3 (nothing) and C4 (responded, open).
		expect(await run({ model: ['M2'] })).toEqual([
			{
				month: '2024-05',
				complaints: 2,
				response_within_target_share: 1 / 2,
				resolution_within_target_share: 0,
				open: 2
			}
		]);
		// 华南: C3 and C5; two values of one filter mean either.
		expect((await run({ region: ['华南'] })).map((r) => r.complaints)).toEqual([1, 0, 1]);
		expect((await run({ region: ['华南', '华东'] })).map((r) => r.complaints)).toEqual([4, 0, 1]);
	});

	it('gives a one-month series and an empty window', async () => {
		expect((await metric(ctx.db, 'complaints.sla', { to: '2024-05-31' })).map((r) => r.month)).toEqual([
			'2024-05'
		]);
		expect(await metric(ctx.db, 'complaints.sla', { from: '2024-06-01', to: '2024-06-30' })).toEqual([]);
	});

	it('reads the targets from the config', async () => {
		// 4 h 01 min response and 48 h 01 min resolution targets: C2 is now within both.
		const [may] = await withParams(ctx.db, 'complaints.sla', {
			response_target_hours: 4 + 1 / 60,
			resolution_target_hours: 48 + 1 / 60
		});
		expect(may.response_within_target_share).toBe(3 / 4);
		expect(may.resolution_within_target_share).toBe(2 / 4);
	});
});

describe('complaints.escalations', () => {
	const ctx = load([
		['complaints-escalations.csv', 'complaint'],
		['repairs-escalations.csv', 'repair'],
		['returns-escalations.csv', 'return']
	]);

	const row = (
		supplier: string,
		month: string | null,
		issue: string | null,
		complaints: number,
		level: string
	) => ({
		supplier,
		month,
		year: month ? Number(month.slice(0, 4)) : null,
		issue,
		complaints,
		level
	});
	const commendation = (supplier: string, year: number) => ({
		...row(supplier, null, null, 0, 'commendation'),
		year
	});

	// A服务 (维修质量 per month): Jan 2, Feb 3, Mar 4, Apr 3, May 4, Jun 2; also Apr 上门超时 2, Jul 上门超时 1 and one
	// without category, Aug 服务态度 3, Sep 配件费用 1. Cumulative: 2 5 9 14 18 20 22 25 26.
	// B服务: Mar 维修质量 4 (3 华南 + 1 华东), Apr 维修质量 2, May 服务态度 3, Dec 服务态度 1; 2025: Jan 1, Dec 1.
	// C服务: one complaint in 2024-02. Five 维修质量 complaints in 2024-03 name no supplier.
	// Presence: repairs A 2024, B 2024+2025, C 2024 (华东) + 2025 (华南), E 2023; returns D 2024 (华南).
	// Complaint data runs 2024-01-10 … 2025-12-20, so 2024 and 2025 are covered, 2023 is not.
	const all = [
		row('A服务', '2024-02', '维修质量', 3, 'verbal-warning'), // 3 > 2; January's 2 is no level
		row('A服务', '2024-03', '维修质量', 4, 'final-warning'), // 4 > 3 (02-29 23:59 stays in February)
		row('B服务', '2024-03', '维修质量', 4, 'final-warning'), // the 5 without supplier give no row
		row('A服务', '2024-04', '维修质量', 3, 'verbal-warning'),
		row('A服务', '2024-04', '维修质量', 3, 'exit-review'), // final in March, still > 2 in April
		row('A服务', '2024-05', '维修质量', 4, 'final-warning'), // no exit: April was only verbal
		row('B服务', '2024-05', '服务态度', 3, 'verbal-warning'), // B's April 2 was an improvement: no exit
		row('A服务', '2024-08', '服务态度', 3, 'verbal-warning'), // cumulative 25: not over 25
		row('A服务', '2024-09', null, 26, 'complaint-fund'), // cumulative 26 > 25
		commendation('D服务', 2024), // returns 2024, no complaints
		commendation('C服务', 2025) // repairs 2025, complaint only in 2024; E (2023) is not covered
	];

	it('applies the default rules: thresholds exactly at 2/3/25 give nothing, 3/4/26 escalate', async () => {
		expect(await metric(ctx.db, 'complaints.escalations')).toEqual(all);
	});

	it('evaluates the rules on the filtered complaints', async () => {
		// 华南: B's March drops to 3 (verbal); presence in 华南: B 2024/2025 (complained), C 2025, D 2024.
		expect(await metric(ctx.db, 'complaints.escalations', { filters: { region: ['华南'] } })).toEqual([
			row('B服务', '2024-03', '维修质量', 3, 'verbal-warning'),
			row('B服务', '2024-05', '服务态度', 3, 'verbal-warning'),
			commendation('D服务', 2024),
			commendation('C服务', 2025)
		]);
		// M2: B only (its repairs are M2 and it was complained about in both years).
		expect(await metric(ctx.db, 'complaints.escalations', { filters: { model: ['M2'] } })).toEqual([
			row('B服务', '2024-03', '维修质量', 4, 'final-warning'),
			row('B服务', '2024-05', '服务态度', 3, 'verbal-warning')
		]);
		expect(await metric(ctx.db, 'complaints.escalations', { filters: { supplier: ['A服务'] } })).toEqual(
			all.filter((r) => r.supplier === 'A服务')
		);
	});

	it('counts the fund from the start of the window and commends only whole covered years in it', async () => {
		// From 2024-03-01: A's cumulative is 4 9 13 15 17 20 21, never over 25; 2024 is not whole in the window.
		expect(await metric(ctx.db, 'complaints.escalations', { from: '2024-03-01' })).toEqual([
			row('A服务', '2024-03', '维修质量', 4, 'final-warning'),
			row('B服务', '2024-03', '维修质量', 4, 'final-warning'),
			row('A服务', '2024-04', '维修质量', 3, 'verbal-warning'),
			row('A服务', '2024-04', '维修质量', 3, 'exit-review'),
			row('A服务', '2024-05', '维修质量', 4, 'final-warning'),
			row('B服务', '2024-05', '服务态度', 3, 'verbal-warning'),
			row('A服务', '2024-08', '服务态度', 3, 'verbal-warning'),
			commendation('C服务', 2025)
		]);
		// The year 2024: everything of 2024; B's complaint of 2024-12-05 shows the complaint data covers December.
		expect(await metric(ctx.db, 'complaints.escalations', { from: '2024-01-01', to: '2024-12-31' })).toEqual(
			all.filter((r) => r.year === 2024)
		);
		// June 2024: A's 2 complaints, no level; 2023: E is in repairs but there are no complaints to judge by.
		expect(await metric(ctx.db, 'complaints.escalations', { from: '2024-06-01', to: '2024-06-30' })).toEqual(
			[]
		);
		expect(await metric(ctx.db, 'complaints.escalations', { from: '2023-01-01', to: '2023-12-31' })).toEqual(
			[]
		);
	});

	it('commends the same suppliers when their repairs come from the repair rollups', async () => {
		const { params } = await loadMetricConfig();
		await prepareRepairRollups(ctx.db, params);
		const query: MetricQuery = { to: '2025-12-31', filters: { region: ['华南'] } };
		expect(repairSource(new Params(), ctx.db, query, params, { filters: ['region'] }).from).toMatch(
			/^workbench_rollups/
		);
		// As for the whole history: C's repairs of 2025 (华南) commend it, and the whole history is all rows.
		expect(await metric(ctx.db, 'complaints.escalations', query)).toEqual([
			row('B服务', '2024-03', '维修质量', 3, 'verbal-warning'),
			row('B服务', '2024-05', '服务态度', 3, 'verbal-warning'),
			commendation('D服务', 2024),
			commendation('C服务', 2025)
		]);
		expect(await metric(ctx.db, 'complaints.escalations', { to: '2025-12-31' })).toEqual(all);
	});

	it('reads the thresholds from the config', async () => {
		// Over 3 / over 4 / over 20: the months with 4 are verbal only, no final means no exit review, and A's
		// cumulative first exceeds 20 in July (22).
		expect(
			await withParams(ctx.db, 'complaints.escalations', {
				verbal_warning_over: 3,
				final_warning_over: 4,
				complaint_fund_over: 20
			})
		).toEqual([
			row('A服务', '2024-03', '维修质量', 4, 'verbal-warning'),
			row('B服务', '2024-03', '维修质量', 4, 'verbal-warning'),
			row('A服务', '2024-05', '维修质量', 4, 'verbal-warning'),
			row('A服务', '2024-07', null, 22, 'complaint-fund'),
			commendation('D服务', 2024),
			commendation('C服务', 2025)
		]);
	});
});

describe('satisfaction.monthly', () => {
	const ctx = load([['surveys.csv', 'survey']]);

	it('computes CSAT mean, satisfied share and NPS over the answers given', async () => {
		expect(await metric(ctx.db, 'satisfaction.monthly')).toEqual([
			// CSAT answered by V1–V4, V6: 5 4 3 1 2 → mean 15 / 5 = 3; satisfied (≥ 4) V1 V2 → 2 / 5.
			// NPS answered by V1–V5: 10 9 8 7 6 → promoters 2 (10, 9), detractors 1 (6) → 100 × (2 − 1) / 5 = 20.
			{
				month: '2024-01',
				responses: 6,
				csat_mean: 3,
				satisfied_share: 2 / 5,
				nps: 20,
				csat_answered: 5,
				nps_answered: 5
			},
			// No responses in February; March's only response answered neither question: nulls, not zeros.
			{
				month: '2024-02',
				responses: 0,
				csat_mean: null,
				satisfied_share: null,
				nps: null,
				csat_answered: 0,
				nps_answered: 0
			},
			{
				month: '2024-03',
				responses: 1,
				csat_mean: null,
				satisfied_share: null,
				nps: null,
				csat_answered: 0,
				nps_answered: 0
			},
			// V8 at 00:00 on April 1st: 5 and 10.
			{
				month: '2024-04',
				responses: 1,
				csat_mean: 5,
				satisfied_share: 1,
				nps: 100,
				csat_answered: 1,
				nps_answered: 1
			}
		]);
	});

	it('applies channel, model and region filters', async () => {
		const cols = ['month', 'responses', 'csat_mean', 'satisfied_share', 'nps'];
		const run = async (filters: MetricQuery['filters']) =>
			pick(await metric(ctx.db, 'satisfaction.monthly', { filters }), ...cols);
		// 短信: V1 V3 V4 V6 in January (CSAT 5 3 1 2 → 11 / 4; NPS 10 8 7 → 100 × 1 / 3), V7 in March.
		expect(await run({ channel: ['短信'] })).toEqual([
			{ month: '2024-01', responses: 4, csat_mean: 11 / 4, satisfied_share: 1 / 4, nps: 100 / 3 },
			{ month: '2024-02', responses: 0, csat_mean: null, satisfied_share: null, nps: null },
			{ month: '2024-03', responses: 1, csat_mean: null, satisfied_share: null, nps: null }
		]);
		// M2: V3 V5 in January (CSAT 3; NPS 8 6 → 100 × (0 − 1) / 2), V8 in April.
		expect((await run({ model: ['M2'] }))[0]).toEqual({
			month: '2024-01',
			responses: 2,
			csat_mean: 3,
			satisfied_share: 0,
			nps: -50
		});
		// 华南: V3 V4 (NPS 8 7: all passive → 0, not null).
		expect((await run({ region: ['华南'] }))[0]).toMatchObject({ responses: 2, csat_mean: 2, nps: 0 });
	});

	it('gives a one-month series and an empty window', async () => {
		expect(
			(await metric(ctx.db, 'satisfaction.monthly', { from: '2024-04-01', to: '2024-04-30' })).map(
				(r) => r.month
			)
		).toEqual(['2024-04']);
		expect(await metric(ctx.db, 'satisfaction.monthly', { from: '2024-02-01', to: '2024-02-29' })).toEqual(
			[]
		);
	});
});

describe('registry checks for the service metrics', () => {
	it('refuses filters and dimensions the metrics do not accept', async () => {
		const ctx = await tempDatabase();
		try {
			await expect(metric(ctx.db, 'satisfaction.monthly', { filters: { supplier: ['S1'] } })).rejects.toThrow(
				MetricQueryError
			);
			await expect(
				metric(ctx.db, 'complaints.escalations', { filters: { channel: ['App'] } })
			).rejects.toThrow(MetricQueryError);
			await expect(metric(ctx.db, 'returns.monthly', { by: 'region' })).rejects.toThrow(MetricQueryError);
			// An empty database: every metric gives no rows.
			for (const id of [
				'returns.monthly',
				'complaints.sla',
				'complaints.escalations',
				'satisfaction.monthly'
			])
				expect(await metric(ctx.db, id), id).toEqual([]);
		} finally {
			ctx.remove();
		}
	});
});

describe('service metrics on the demo data', () => {
	const ctx = useTempDatabase({ fill: importDemoData, timeout: 120_000 });

	const JX = '捷修科技';

	it('escalates 捷修科技 as data/samples/README.md describes and no other partner', async () => {
		const rows = await metric(ctx.db, 'complaints.escalations');
		const jx = rows.filter((r) => r.supplier === JX && r.level !== 'complaint-fund');
		expect(pick(jx, 'month', 'issue', 'complaints', 'level')).toEqual([
			{ month: '2023-11', issue: '上门超时', complaints: 5, level: 'final-warning' },
			{ month: '2024-03', issue: '服务态度', complaints: 3, level: 'verbal-warning' },
			{ month: '2024-07', issue: '维修质量', complaints: 6, level: 'final-warning' },
			{ month: '2024-08', issue: '维修质量', complaints: 5, level: 'final-warning' },
			{ month: '2024-08', issue: '维修质量', complaints: 5, level: 'exit-review' }, // consecutive finals
			{ month: '2025-02', issue: '配件费用', complaints: 4, level: 'final-warning' }
		]);
		// 90 complaints in total, 28 in 2023: the fund threshold (> 25) is crossed in 2023, in the month where
		// the running count first passes 25.
		const [fund] = rows.filter((r) => r.level === 'complaint-fund');
		expect(fund.supplier).toBe(JX);
		const before = (date: string) =>
			count(
				ctx.db,
				'SELECT count(*) FROM complaints WHERE supplier = $1 AND received_at < CAST($2 AS DATE)',
				[JX, date]
			);
		const end = `${fund.month}-01`;
		expect(await before(end)).toBeLessThanOrEqual(25);
		const next = new Date(`${end}T00:00:00Z`);
		next.setUTCMonth(next.getUTCMonth() + 1);
		expect(await before(next.toISOString().slice(0, 10))).toBe(fund.complaints);
		expect(fund.complaints).toBeGreaterThan(25);
		expect(fund.month! < '2024-01').toBe(true);
		// Every other supplier: no warning, exit review or fund (commendations only).
		expect(rows.filter((r) => r.supplier !== JX && r.level !== 'commendation')).toEqual([]);
	});

	/**
	 * Σ share × (count − pending) / Σ count over the months of a year: the year's complaints within target
	 * over all its complaints, as the sample README counts them (a share is over the complaints whose
	 * outcome is known, count − pending).
	 */
	const yearShare = (rows: MetricRow[], year: string, share: string, n: string, pending: string) => {
		const ofYear = rows.filter((r) => String(r.month).startsWith(year));
		const total = ofYear.reduce((s, r) => s + Number(r[n]), 0);
		return (
			ofYear.reduce((s, r) => s + Number(r[share] ?? 0) * (Number(r[n]) - Number(r[pending])), 0) / total
		);
	};

	it('matches the complaint timeliness the sample README states', async () => {
		const rows = await metric(ctx.db, 'complaints.sla');
		expect(rows.reduce((s, r) => s + Number(r.complaints), 0)).toBe(2943);
		expect(rows.reduce((s, r) => s + Number(r.open), 0)).toBe(127);
		const stated = {
			'2023': [0.845, 0.754],
			'2024': [0.887, 0.755],
			'2025': [0.892, 0.817]
		};
		for (const [year, [response, resolution]] of Object.entries(stated)) {
			expect(
				yearShare(rows, year, 'response_within_target_share', 'complaints', 'response_pending')
			).toBeCloseTo(response, 3);
			expect(yearShare(rows, year, 'resolution_within_target_share', 'complaints', 'pending')).toBeCloseTo(
				resolution,
				3
			);
		}
	});

	it('matches the returns the sample README states', async () => {
		const rows = await metric(ctx.db, 'returns.monthly');
		const sum = (key: string) => rows.reduce((s, r) => s + Number(r[key]), 0);
		expect([sum('returns'), sum('exchanges'), sum('refunds')]).toEqual([3011, 1078, 435]);
		expect(rows).toHaveLength(36); // 2023-01 … 2025-12
		const weighted = (share: string, n: (r: MetricRow) => number) =>
			rows.reduce((s, r) => s + Number(r[share]) * n(r), 0) / rows.reduce((s, r) => s + n(r), 0);
		// Counter within 10 min 88.4 %; inspection within 30 min 80.9 % of the returns that are inspected
		// (refunds are not).
		expect(weighted('counter_within_target_share', (r) => Number(r.returns))).toBeCloseTo(0.884, 3);
		expect(
			weighted('inspection_within_target_share_excl_refunds', (r) => Number(r.returns) - Number(r.refunds))
		).toBeCloseTo(0.809, 3);
		// 1.1 % of store sales and 2.7 % of online and App sales: Poisson draws around those rates, requested up
		// to 30 days after the sale (so sometimes in the next month), hence within ± 1 ‰.
		const rate = async (channels: string[]) => {
			const r = await metric(ctx.db, 'returns.monthly', { filters: { channel: channels } });
			return r.reduce((s, x) => s + Number(x.returns), 0) / r.reduce((s, x) => s + Number(x.units_sold), 0);
		};
		expect(Math.abs((await rate(['门店'])) - 0.011)).toBeLessThan(0.001);
		expect(Math.abs((await rate(['线上商城', 'App'])) - 0.027)).toBeLessThan(0.001);
	});

	it('counts every survey response', async () => {
		const rows = await metric(ctx.db, 'satisfaction.monthly');
		expect(rows.reduce((s, r) => s + Number(r.responses), 0)).toBe(7939);
		expect(rows.every((r) => Number(r.csat_mean) >= 1 && Number(r.csat_mean) <= 5)).toBe(true);
	});
});
