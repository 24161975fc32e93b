import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixtures, metricRows, type FixtureDb } from '../helpers/metric-fixtures';

/**
 * returns.breakdown, satisfaction.breakdown and satisfaction.distribution against the hand-computed
 * figures of tests/fixtures/metrics/breakdowns/README.md.
 */
const FIXTURES = join(import.meta.dirname, '../fixtures/metrics/breakdowns');
const MAY = { from: '2024-05-01', to: '2024-05-31' };

let ctx: FixtureDb;
beforeAll(async () => {
	ctx = await loadFixtures(FIXTURES, [
		['returns.csv', 'return'],
		['surveys.csv', 'survey']
	]);
});
afterAll(() => ctx.remove());

const sum = (rows: Record<string, unknown>[], k: string) => rows.reduce((s, r) => s + Number(r[k]), 0);

describe('returns.breakdown', () => {
	const breakdown = async (by: string | undefined, query: Record<string, unknown> = MAY) =>
		(await metricRows(ctx.db, 'returns.breakdown', { ...query, by })).map((r) => [r.key, r.count, r.share]);

	it('counts May by reason (the default) with quantity and amount sums, no value last', async () => {
		expect(await metricRows(ctx.db, 'returns.breakdown', MAY)).toEqual([
			{ key: '不制冷', count: 2, share: 2 / 5, quantity: 2, amount: 350 },
			{ key: '外观划伤', count: 2, share: 2 / 5, quantity: 3, amount: 300.5 },
			{ key: null, count: 1, share: 1 / 5, quantity: null, amount: null }
		]);
		expect(await breakdown('supplier')).toEqual([
			['S1', 2, 2 / 5],
			['S2', 2, 2 / 5],
			[null, 1, 1 / 5]
		]);
	});

	it('applies filters and the window', async () => {
		expect(await breakdown('channel', { ...MAY, filters: { supplier: ['S1'] } })).toEqual([
			['电商', 1, 1 / 2],
			['门店', 1, 1 / 2]
		]);
		expect(await breakdown('reason', { ...MAY, filters: { region: ['华南'] } })).toEqual([
			['不制冷', 1, 1 / 2],
			[null, 1, 1 / 2]
		]);
		expect(await breakdown('reason', {})).toEqual([
			['外观划伤', 3, 3 / 7],
			['不制冷', 2, 2 / 7],
			['无理由', 1, 1 / 7],
			[null, 1, 1 / 7]
		]);
	});

	it('adds up to the returns.monthly totals of the same window and filters', async () => {
		for (const query of [
			MAY,
			{},
			{ ...MAY, filters: { supplier: ['S1'] } },
			{ filters: { region: ['华南'] } }
		]) {
			const monthly = await metricRows(ctx.db, 'returns.monthly', query);
			for (const by of ['reason', 'return_type', 'channel', 'region', 'supplier', 'product_model']) {
				const rows = await metricRows(ctx.db, 'returns.breakdown', { ...query, by });
				expect(sum(rows, 'count')).toBe(sum(monthly, 'returns'));
				expect(sum(rows, 'share')).toBeCloseTo(1, 12);
			}
		}
	});
});

describe('satisfaction.breakdown', () => {
	it('groups May by channel (the default) and region with the monthly figures per key', async () => {
		expect(await metricRows(ctx.db, 'satisfaction.breakdown', MAY)).toEqual([
			{
				key: '短信',
				count: 3,
				share: 3 / 5,
				csat_mean: 3.5,
				satisfied_share: 1 / 2,
				nps: 0,
				csat_answered: 2,
				nps_answered: 3
			},
			{
				key: '微信',
				count: 2,
				share: 2 / 5,
				csat_mean: 4.5,
				satisfied_share: 1,
				nps: 100,
				csat_answered: 2,
				nps_answered: 1
			}
		]);
		const region = await metricRows(ctx.db, 'satisfaction.breakdown', { ...MAY, by: 'region' });
		expect(region.map((r) => [r.key, r.count, r.satisfied_share, r.nps, r.csat_answered])).toEqual([
			['华东', 3, 1, 100, 3],
			['华南', 1, 0, -100, 1],
			[null, 1, null, 0, 0]
		]);
		expect(region[0].csat_mean).toBeCloseTo(14 / 3, 12);
		expect(region[2].csat_mean).toBeNull();
	});

	it('adds up to the satisfaction.monthly responses of the same window and filters', async () => {
		for (const query of [MAY, {}, { ...MAY, filters: { channel: ['微信'] } }]) {
			const monthly = await metricRows(ctx.db, 'satisfaction.monthly', query);
			for (const by of ['channel', 'region', 'product_model']) {
				const rows = await metricRows(ctx.db, 'satisfaction.breakdown', { ...query, by });
				expect(sum(rows, 'count')).toBe(sum(monthly, 'responses'));
				expect(sum(rows, 'csat_answered')).toBe(sum(monthly, 'csat_answered'));
				expect(sum(rows, 'nps_answered')).toBe(sum(monthly, 'nps_answered'));
			}
		}
	});
});

describe('satisfaction.distribution', () => {
	const counts = async (query: Record<string, unknown>, scale: string) =>
		(await metricRows(ctx.db, 'satisfaction.distribution', query))
			.filter((r) => r.scale === scale)
			.map((r) => [r.score, r.count, r.share]);

	it('lists every score of May, csat 1–5 then nps 0–10', async () => {
		const rows = await metricRows(ctx.db, 'satisfaction.distribution', MAY);
		expect(rows.map((r) => `${r.scale}${r.score}`)).toEqual([
			...[1, 2, 3, 4, 5].map((s) => `csat${s}`),
			...Array.from({ length: 11 }, (_, s) => `nps${s}`)
		]);
		expect(await counts(MAY, 'csat')).toEqual([
			[1, 0, 0],
			[2, 1, 1 / 4],
			[3, 0, 0],
			[4, 1, 1 / 4],
			[5, 2, 1 / 2]
		]);
		expect(await counts(MAY, 'nps')).toEqual(
			Array.from({ length: 11 }, (_, s) => [
				s,
				[3, 7, 9, 10].includes(s) ? 1 : 0,
				[3, 7, 9, 10].includes(s) ? 1 / 4 : 0
			])
		);
	});

	it('applies filters; a window without answers has zero counts and null shares', async () => {
		const wechat = { ...MAY, filters: { channel: ['微信'] } };
		expect((await counts(wechat, 'csat')).filter((r) => r[1])).toEqual([
			[4, 1, 1 / 2],
			[5, 1, 1 / 2]
		]);
		expect((await counts(wechat, 'nps')).filter((r) => r[1])).toEqual([[9, 1, 1]]);
		const empty = await metricRows(ctx.db, 'satisfaction.distribution', {
			from: '2023-01-01',
			to: '2023-12-31'
		});
		expect(empty.every((r) => r.count === 0 && r.share === null)).toBe(true);
	});

	it('adds up per scale to the answered responses of satisfaction.monthly', async () => {
		for (const query of [MAY, {}, { filters: { region: ['华东'] } }]) {
			const monthly = await metricRows(ctx.db, 'satisfaction.monthly', query);
			const rows = await metricRows(ctx.db, 'satisfaction.distribution', query);
			expect(
				sum(
					rows.filter((r) => r.scale === 'csat'),
					'count'
				)
			).toBe(sum(monthly, 'csat_answered'));
			expect(
				sum(
					rows.filter((r) => r.scale === 'nps'),
					'count'
				)
			).toBe(sum(monthly, 'nps_answered'));
		}
	});
});
