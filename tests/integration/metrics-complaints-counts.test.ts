import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lateComplaints } from '../../src/lib/server/metrics/complaints-late';
import { loadFixtures, metricRows, type FixtureDb } from '../helpers/metric-fixtures';

/**
 * complaints.breakdown, complaints.backlog and the late cases against the hand-computed figures of
 * tests/fixtures/metrics/complaints/README.md (the arithmetic is there and in the comments).
 */
const FIXTURES = join(import.meta.dirname, '../fixtures/metrics/complaints');
const MAY = { from: '2024-05-01', to: '2024-05-31' };

let ctx: FixtureDb;
beforeAll(async () => {
	ctx = await loadFixtures(FIXTURES, [['complaints.csv', 'complaint']]);
});
afterAll(() => ctx.remove());

const breakdown = async (by: string | undefined, query: Record<string, unknown> = MAY) =>
	(await metricRows(ctx.db, 'complaints.breakdown', { ...query, by })).map((r) => [r.key, r.count, r.share]);

describe('complaints.breakdown', () => {
	it('counts May by each dimension, no value last, shares of all 8 complaints', async () => {
		// category is the default dimension.
		expect(await breakdown(undefined)).toEqual([
			['维修质量', 4, 4 / 8],
			['上门超时', 2, 2 / 8],
			['服务态度', 1, 1 / 8],
			[null, 1, 1 / 8]
		]);
		expect(await breakdown('channel')).toEqual([
			['400热线', 4, 4 / 8],
			['App', 3, 3 / 8],
			['门店', 1, 1 / 8]
		]);
		expect(await breakdown('severity')).toEqual([
			['一般', 5, 5 / 8],
			['严重', 2, 2 / 8],
			[null, 1, 1 / 8]
		]);
		expect(await breakdown('supplier')).toEqual([
			['S1', 4, 4 / 8],
			['S2', 2, 2 / 8],
			[null, 2, 2 / 8]
		]);
		expect(await breakdown('product_model')).toEqual([
			['M1', 4, 4 / 8],
			['M2', 4, 4 / 8]
		]);
		expect(await breakdown('region')).toEqual([
			['华东', 5, 5 / 8],
			['华南', 3, 3 / 8]
		]);
	});

	it('adds up to the complaints.sla totals of the same window and filters', async () => {
		for (const query of [MAY, {}, { ...MAY, filters: { supplier: ['S1'] } }]) {
			const sla = await metricRows(ctx.db, 'complaints.sla', query);
			const rows = await metricRows(ctx.db, 'complaints.breakdown', { ...query, by: 'region' });
			const total = (xs: typeof rows, k: string) => xs.reduce((s, r) => s + Number(r[k]), 0);
			expect(total(rows, 'count')).toBe(total(sla, 'complaints'));
		}
		// The whole table: K1–K12.
		expect((await breakdown('region', {})).map((r) => r[1])).toEqual([8, 4]);
	});

	it('applies the filters and orders a tie by key', async () => {
		// S1: K1 K4 by 400热线, K2 K9 by App.
		expect(await breakdown('channel', { ...MAY, filters: { supplier: ['S1'] } })).toEqual([
			['400热线', 2, 2 / 4],
			['App', 2, 2 / 4]
		]);
		expect(await breakdown('category', { from: '2024-07-01', to: '2024-07-31' })).toEqual([]);
	});

	it('refuses a dimension it does not have', async () => {
		await expect(breakdown('description')).rejects.toThrow(/description/);
	});
});

const row = (
	bucket: string,
	complaints: number,
	share: number | null,
	oldest: string | null,
	asOf: string
) => ({ bucket, complaints, share, oldest_received_at: oldest, as_of: asOf });

describe('complaints.backlog', () => {
	it('ages the complaints open at the end of May, edges inclusive', async () => {
		const asOf = '2024-06-01 00:00:00';
		const expected = [
			row('>7d', 2, 2 / 7, '2024-04-10 08:00:00', asOf), // K6 7 d 1 h, K7 (before --from)
			row('2-7d', 2, 2 / 7, '2024-05-25 00:00:00', asOf), // K4 48 h 01, K5 exactly 7 d (resolved later)
			row('4-48h', 2, 2 / 7, '2024-05-30 00:00:00', asOf), // K2 4 h 01, K3 exactly 48 h (resolved later)
			row('0-4h', 1, 1 / 7, '2024-05-31 20:00:00', asOf) // K1 exactly 4 h
		];
		expect(await metricRows(ctx.db, 'complaints.backlog', MAY)).toEqual(expected);
		// --from does not narrow a backlog; K10 (received at 06-01 00:00) is after the end of --to.
		expect(await metricRows(ctx.db, 'complaints.backlog', { to: '2024-05-31' })).toEqual(expected);
	});

	it('stops at the complaints as-of time when the window reaches past it', async () => {
		const asOf = '2024-06-20 12:00:00';
		const expected = [
			row('>7d', 6, 6 / 7, '2024-04-10 08:00:00', asOf), // K1 K2 K4 K6 K7 K10
			row('2-7d', 0, 0, null, asOf),
			row('4-48h', 0, 0, null, asOf),
			row('0-4h', 1, 1 / 7, '2024-06-20 12:00:00', asOf) // K11, age 0
		];
		expect(await metricRows(ctx.db, 'complaints.backlog')).toEqual(expected);
		expect(await metricRows(ctx.db, 'complaints.backlog', { to: '2024-12-31' })).toEqual(expected);
	});

	it('gives four empty buckets before any complaint, and applies filters', async () => {
		const asOf = '2024-04-01 00:00:00';
		expect(await metricRows(ctx.db, 'complaints.backlog', { to: '2024-03-31' })).toEqual(
			['>7d', '2-7d', '4-48h', '0-4h'].map((b) => row(b, 0, null, null, asOf))
		);
		// S2 at the end of May: K6 and K7 (> 7 d); K3 (4–48 h).
		const s2 = await metricRows(ctx.db, 'complaints.backlog', { ...MAY, filters: { supplier: ['S2'] } });
		expect(s2.map((r) => r.complaints)).toEqual([2, 0, 1, 0]);
	});
});

describe('late complaints', () => {
	it('lists the May complaints not resolved within 48 h, as complaints.sla counts them', async () => {
		const late = await lateComplaints(ctx.db, { ...MAY, filters: {} });
		expect(late.map((r) => [r.complaint_id, r.resolved_at, r.hours])).toEqual([
			['K6', null, null], // unresolved: past its deadline by the as-of time 06-20 12:00
			['K5', '2024-06-05 00:00:00', 264],
			['K9', '2024-06-01 00:00:00', 84],
			['K4', null, null],
			['K3', '2024-06-02 10:00:00', 82],
			['K2', null, null],
			['K1', null, null]
		]);
		const [may] = await metricRows(ctx.db, 'complaints.sla', MAY);
		const known = Number(may.complaints) - Number(may.pending);
		expect(late.length).toBe(Math.round(known * (1 - Number(may.resolution_within_target_share))));
		expect(await lateComplaints(ctx.db, { ...MAY, filters: { supplier: ['S1'] } })).toHaveLength(4);
	});
});
