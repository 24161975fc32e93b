/* Over 300 lines: complete months, month to date, maturity, pending shares and point changes against
   hand-computed figures, each case beside the rows it checks. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kind } from '../../src/lib/domain/records';
import type { MetricQuery, MetricRow } from '../../src/lib/domain/metrics/query';
import {
	addDays,
	isMature,
	lastDayOf,
	latestCompleteMonth,
	reportMonth
} from '../../src/lib/server/metrics/periods';
import { immatureRepeat, loadFixtures, metricRows, type FixtureDb } from '../helpers/metric-fixtures';

/** Fixtures described in tests/fixtures/metrics/periods/README.md; every expected value by hand. */
const FIXTURES = join(import.meta.dirname, '../fixtures/metrics');

type Ctx = FixtureDb;

const load = (files: [string, Kind][]) => loadFixtures(FIXTURES, files);
const rows = (ctx: Ctx, id: string, query: Partial<MetricQuery> = {}) => metricRows(ctx.db, id, query);

describe('periods: as-of dates, complete months, maturity', () => {
	it('calls a month complete from its last day on', () => {
		expect(lastDayOf('2024-02')).toBe('2024-02-29');
		expect(latestCompleteMonth('2025-01-03')).toBe('2024-12');
		expect(latestCompleteMonth('2024-12-31')).toBe('2024-12');
		expect(latestCompleteMonth('2024-03-01')).toBe('2024-02');
	});

	it('picks the latest complete month on or before the chosen one, and the partial month after it', () => {
		// As of 2025-01-03: December complete, January month to date.
		expect(reportMonth('2025-01-03', null)).toEqual({ month: '2024-12', partial: '2025-01' });
		expect(reportMonth('2025-01-03', '2025-01')).toEqual({ month: '2024-12', partial: '2025-01' });
		expect(reportMonth('2025-01-03', '2025-06')).toEqual({ month: '2024-12', partial: '2025-01' });
		expect(reportMonth('2025-01-03', '2024-12')).toEqual({ month: '2024-12', partial: null });
		expect(reportMonth('2025-01-03', '2024-07')).toEqual({ month: '2024-07', partial: null });
		// As of a last day: that month is complete, nothing is partial.
		expect(reportMonth('2024-12-31', null)).toEqual({ month: '2024-12', partial: null });
		expect(reportMonth('2024-12-31', '2025-02')).toEqual({ month: '2024-12', partial: null });
		expect(reportMonth(null, null)).toEqual({ month: null, partial: null });
		// A 30-day measure as of 2025-01-03: November is its latest mature month, with no month to date.
		expect(latestCompleteMonth('2025-01-03', 30)).toBe('2024-11');
		expect(latestCompleteMonth('2025-01-30', 30)).toBe('2024-12');
		expect(reportMonth('2025-01-03', null, 30)).toEqual({ month: '2024-11', partial: null });
		expect(reportMonth('2025-01-03', '2024-10', 30)).toEqual({ month: '2024-10', partial: null });
	});

	it('matures a month N days after its last day', () => {
		expect(addDays('2024-11-30', 30)).toBe('2024-12-30');
		expect(addDays('2024-12-31', 90)).toBe('2025-03-31');
		expect(isMature('2024-11', 30, '2024-12-30')).toBe(true); // exactly N days counts
		expect(isMature('2024-11', 30, '2024-12-29')).toBe(false);
		expect(isMature('2025-01', 90, '2025-05-01')).toBe(true);
		expect(isMature('2025-01', 90, '2025-04-30')).toBe(false);
	});
});

describe('a fixture whose repairs end on the 3rd of a month', () => {
	let ctx: Ctx;
	beforeAll(async () => {
		ctx = await load([
			['periods/repairs.csv', 'repair'],
			['periods/complaints.csv', 'complaint'],
			['periods/returns.csv', 'return']
		]);
	});
	afterAll(() => ctx.remove());

	const kpi = (list: MetricRow[], id: string) => list.find((r) => r.kpi === id)!;

	it('reports each kind for its latest complete month and shows the partial month only as month to date', async () => {
		const kpis = await rows(ctx, 'overview.kpis');
		// Repairs as of 2025-01-03: December (6 repairs) against November (4): +50 %, relative. January's
		// 3 repairs are month to date, not compared with anything.
		expect(kpi(kpis, 'repairs')).toEqual({
			kpi: 'repairs',
			metric: 'defects.monthly',
			column: 'repairs',
			month: '2024-12',
			value: 6,
			previous: 4,
			last_year: null,
			change_mom: 0.5,
			change_yoy: null,
			better: 'down',
			change_kind: 'relative',
			as_of: '2025-01-03',
			mtd_month: '2025-01',
			mtd_value: 3
		});
		// Within 72 h: November 4 of 4 = 1; December P05 P07 P09 of 6 = 0.5 (P06 120 h, P08 open, P10 8
		// days): −0.5 = −50 percentage points, a difference, not −50 %. January: 0 of 3 so far.
		expect(kpi(kpis, 'repair_on_time')).toMatchObject({
			month: '2024-12',
			value: 0.5,
			previous: 1,
			change_mom: -0.5,
			change_kind: 'points',
			mtd_month: '2025-01',
			mtd_value: 0
		});
		// Complaints as of 2024-12-31 10:00, December's last day: December is complete, nothing partial.
		// 5 against 1 (+400 %); response 3 of 4 known (0.75) against 1 of 1: −0.25 points; resolution 1 of
		// 2 known (0.5) against 1: −0.5 points.
		expect(kpi(kpis, 'complaints')).toMatchObject({
			month: '2024-12',
			value: 5,
			change_mom: 4,
			change_kind: 'relative',
			as_of: '2024-12-31',
			mtd_month: null,
			mtd_value: null
		});
		expect(kpi(kpis, 'response_on_time')).toMatchObject({ value: 0.75, change_kind: 'points' });
		expect(kpi(kpis, 'response_on_time').change_mom).toBeCloseTo(-0.25, 12);
		expect(kpi(kpis, 'resolution_on_time')).toMatchObject({ value: 0.5, change_mom: -0.5 });
		// Returns as of 2024-11-20: October is their month (its own, not the page's), November to date.
		expect(kpi(kpis, 'returns')).toMatchObject({
			month: '2024-10',
			value: 1,
			previous: null,
			change_mom: null,
			as_of: '2024-11-20',
			mtd_month: '2024-11',
			mtd_value: 2
		});
		// No surveys: the figures stand in the page's month, empty, with no as-of date.
		expect(kpi(kpis, 'nps')).toMatchObject({
			month: '2024-12',
			value: null,
			change_kind: 'points',
			as_of: null,
			mtd_month: null
		});
		// The 30-day repeat rate of December is not known before 2025-01-30: the figure is November's, the
		// latest mature month (1 of 4), with no month to date; October has no repairs to compare with.
		expect(kpi(kpis, 'repeat_rate')).toMatchObject({
			month: '2024-11',
			value: 0.25,
			previous: null,
			change_mom: null,
			change_kind: 'points',
			mtd_month: null,
			mtd_value: null
		});
	});

	it('treats a chosen partial month as its month to date', async () => {
		const chosen = kpi(await rows(ctx, 'overview.kpis', { to: '2025-01-31' }), 'repairs');
		expect(chosen).toMatchObject({ month: '2024-12', value: 6, mtd_month: '2025-01', mtd_value: 3 });
		const december = kpi(await rows(ctx, 'overview.kpis', { to: '2024-12-31' }), 'repairs');
		expect(december).toMatchObject({ month: '2024-12', value: 6, mtd_month: null, mtd_value: null });
		const november = kpi(await rows(ctx, 'overview.kpis', { to: '2024-11-30' }), 'repairs');
		expect(november).toMatchObject({ month: '2024-11', value: 4, previous: null, mtd_month: null });
	});

	it('never signals from the partial month, and words each jump in its kind of change', async () => {
		for (const to of [undefined, '2025-01-31']) {
			const signals = await rows(ctx, 'signals', { to });
			// January (0 of 3 within target, −50 pp against December) would be a jump; it is not complete.
			expect(signals.map((s) => s.month)).toEqual(signals.map(() => '2024-12'));
			const texts = signals.map((s) => `${s.kind}: ${s.text_en}`);
			expect(texts).toEqual([
				// Repairs +50 % > 25 %; within target −50 pp > 5 pp; complaints +400 %; response −25 pp and
				// resolution −50 pp > 5 pp; the two shares below 90 %.
				'jump: Repair orders up 50.0% month on month',
				'jump: Repairs within target down 50.0 pp month on month',
				'jump: Complaints up 400.0% month on month',
				'jump: Complaint response within target down 25.0 pp month on month',
				'jump: Complaint resolution within target down 50.0 pp month on month',
				'sla: Complaint response within target 75.0%, below 90.0%',
				'sla: Complaint resolution within target 50.0%, below 90.0%'
			]);
			expect(signals[1].text_zh).toBe('维修及时率环比下降 50.0 个百分点');
		}
	});

	it('gives repeat figures only for mature months', async () => {
		expect(await rows(ctx, 'repairs.repeat')).toEqual([
			// November: Nov 30 + 30 days = Dec 30 ≤ Jan 3: P01 → P05 after 28 days, 1 of 4. 90 days not yet
			// (P02 → P12 after 53 days would count then).
			{
				month: '2024-11',
				repairs: 4,
				repeat_30d: 1,
				repeat_rate_30d: 0.25,
				repeat_90d: null,
				repeat_rate_90d: null,
				mature_30d: true,
				mature_90d: false
			},
			immatureRepeat('2024-12', 6),
			immatureRepeat('2025-01', 3)
		]);
	});

	it('leaves complaints inside their deadlines out of the shares, as pending', async () => {
		expect(await rows(ctx, 'complaints.sla')).toEqual([
			{
				month: '2024-11',
				complaints: 1,
				response_within_target_share: 1,
				resolution_within_target_share: 1,
				open: 0,
				pending: 0,
				response_pending: 0
			},
			// As of 2024-12-31 10:00. Response: K1 1 h, K3 30 min, K5 20 min within, K2 6 h late; K4 (08:00,
			// no response) is inside its 4 h: 3 of 4, 1 pending. Resolution: K1 24 h within, K2 unresolved
			// past its 48 h (late); K3 K4 K5 unresolved inside 48 h: 1 of 2, 3 pending. Open: K2 to K5.
			{
				month: '2024-12',
				complaints: 5,
				response_within_target_share: 0.75,
				resolution_within_target_share: 0.5,
				open: 4,
				pending: 3,
				response_pending: 1
			}
		]);
		// A filter narrows the complaints, not the as-of time: App has K3 (answered) and K4 (pending both).
		const [app] = await rows(ctx, 'complaints.sla', { filters: { channel: ['App'] } });
		expect(app).toMatchObject({
			month: '2024-12',
			complaints: 2,
			response_within_target_share: 1,
			resolution_within_target_share: null,
			pending: 2,
			response_pending: 1
		});
	});

	it('leaves returns inside their deadlines out of the shares, as pending', async () => {
		expect(await rows(ctx, 'returns.monthly')).toEqual([
			{
				month: '2024-10',
				returns: 1,
				units_sold: 0,
				return_rate: null,
				exchanges: 0,
				refunds: 0,
				counter_within_target_share: 1,
				inspection_within_target_share: 1,
				inspection_within_target_share_excl_refunds: 1,
				pending: 0,
				counter_pending: 0
			},
			// As of T3, 2024-11-20 09:20. Counter: T2 15 min (late); T3 none, inside 10 min: 0 of 1, 1
			// pending. Inspection: T2 (09:00) and T3 have none, both inside 30 min: no denominator, 2 pending.
			{
				month: '2024-11',
				returns: 2,
				units_sold: 0,
				return_rate: null,
				exchanges: 1,
				refunds: 0,
				counter_within_target_share: 0,
				inspection_within_target_share: null,
				inspection_within_target_share_excl_refunds: null,
				pending: 2,
				counter_pending: 1
			}
		]);
	});
});

describe('repairs.repeat once every month has matured', () => {
	let ctx: Ctx;
	beforeAll(async () => {
		// ../repairs-cost (described there) plus one repair on 2025-08-01: April 30 + 90 days = July 29.
		ctx = await load([
			['repairs-cost/repairs.csv', 'repair'],
			['periods/repairs-late.csv', 'repair']
		]);
	});
	afterAll(() => ctx.remove());

	it('counts repeats within (t, t + N days] of the same serial', async () => {
		const mature = { mature_30d: true, mature_90d: true };
		expect(await rows(ctx, 'repairs.repeat')).toEqual([
			// R01 → R06 exactly 30 days later: 30d and 90d. R02 → R07 30 days + 1 min: 90d only. R03 → R09
			// exactly 90 days later: 90d only. R04 never again; R05 has no serial. 1 / 5 and 3 / 5.
			{
				month: '2025-01',
				repairs: 5,
				repeat_30d: 1,
				repeat_rate_30d: 0.2,
				repeat_90d: 3,
				repeat_rate_90d: 0.6,
				...mature
			},
			// R06, R07 never again; R15 has no serial.
			{
				month: '2025-02',
				repairs: 3,
				repeat_30d: 0,
				repeat_rate_30d: 0,
				repeat_90d: 0,
				repeat_rate_90d: 0,
				...mature
			},
			// R10 R11 (SN5, same minute) both see R12 10 days later; SN6's two at one minute are not repeats.
			{
				month: '2025-03',
				repairs: 5,
				repeat_30d: 2,
				repeat_rate_30d: 0.4,
				repeat_90d: 2,
				repeat_rate_90d: 0.4,
				...mature
			},
			{
				month: '2025-04',
				repairs: 1,
				repeat_30d: 0,
				repeat_rate_30d: 0,
				repeat_90d: 0,
				repeat_rate_90d: 0,
				...mature
			},
			// August itself has not had its 30 days.
			immatureRepeat('2025-08', 1)
		]);
	});

	it('looks ahead beyond the window and the filters', async () => {
		// C1's January repairs R01 R02; their follow-ups R06 (at C2) and R07 (February) still count.
		const [c1] = await rows(ctx, 'repairs.repeat', {
			from: '2025-01-01',
			to: '2025-01-31',
			filters: { service_center: ['C1'] }
		});
		expect(c1).toMatchObject({
			repairs: 2,
			repeat_30d: 1,
			repeat_rate_30d: 0.5,
			repeat_90d: 2,
			repeat_rate_90d: 1
		});
		// R09 (April, 90 days after R03) is seen through a window ending Jan 31.
		const [jan] = await rows(ctx, 'repairs.repeat', { to: '2025-01-31' });
		expect(jan).toMatchObject({ repairs: 5, repeat_90d: 3 });
	});
});
