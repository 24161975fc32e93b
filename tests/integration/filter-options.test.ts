import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MetricQuery } from '../../src/lib/domain/metrics/query';
import { filterOptions } from '../../src/lib/server/metrics/filter-options';
import { useFixtures } from '../helpers/metric-fixtures';

/**
 * The filter bar's choices (faceted counts) against tests/fixtures/metrics/filters: 7 repairs
 * (F1–F7, April–June 2024; F6 has no service centre, F7 no region) and 2 returns (X1 May, X2 June).
 */
const FIXTURES = join(import.meta.dirname, '../fixtures/metrics/filters');

const db = useFixtures(FIXTURES, [
	['repairs.csv', 'repair'],
	['returns.csv', 'return']
]);

const pairs = (options: { value: string; count: number }[] | undefined) =>
	options?.map((o) => [o.value, o.count]);

async function repairs(query: Partial<MetricQuery>) {
	return (await filterOptions(db.db, ['repairs'], { filters: {}, ...query })).options;
}

describe('filter options', () => {
	it('counts the records of each value, most first, leaving out blanks and filters the table lacks', async () => {
		const { options, latest } = await filterOptions(db.db, ['repairs'], { filters: {} });
		expect(pairs(options.model)).toEqual([
			['M1', 4],
			['M2', 2],
			['M3', 1]
		]);
		expect(pairs(options.category)).toEqual([
			['空调', 4],
			['冰箱', 3]
		]);
		expect(pairs(options.region)).toEqual([
			['华东', 4],
			['华南', 2]
		]);
		expect(pairs(options.service_center)).toEqual([
			['C1', 4],
			['C2', 2]
		]);
		expect(options.channel).toBeUndefined();
		expect(latest).toBe('2024-06-20');
	});

	it('applies the period', async () => {
		const options = await repairs({ from: '2024-05-01', to: '2024-05-31' });
		expect(pairs(options.model)).toEqual([
			['M1', 2],
			['M2', 1]
		]);
		expect(pairs(options.region)).toEqual([
			['华东', 2],
			['华南', 1]
		]);
	});

	it("narrows each filter's counts by the other filters, never by its own", async () => {
		const options = await repairs({ filters: { model: ['M1'], region: ['华东'] } });
		// model: narrowed by region 华东 only (F1, F2, F5, F6)
		expect(pairs(options.model)).toEqual([
			['M1', 2],
			['M2', 1],
			['M3', 1]
		]);
		// region: narrowed by model M1 only (F1, F2, F4; F7 has none)
		expect(pairs(options.region)).toEqual([
			['华东', 2],
			['华南', 1]
		]);
		// the others: by both (F1, F2)
		expect(pairs(options.service_center)).toEqual([
			['C1', 1],
			['C2', 1]
		]);
		expect(pairs(options.supplier)).toEqual([['S1', 2]]);
	});

	it('takes several values of a filter as any of them, with the period', async () => {
		const options = await repairs({ from: '2024-05-01', filters: { model: ['M1', 'M2'] } });
		// F1, F2, F3, F4, F7 (F6 is April)
		expect(pairs(options.region)).toEqual([
			['华东', 2],
			['华南', 2]
		]);
		expect(pairs(options.category)).toEqual([
			['空调', 4],
			['冰箱', 1]
		]);
	});

	it('sums the tables, and a table that cannot apply an active filter does not count', async () => {
		const both = await filterOptions(db.db, ['repairs', 'returns'], { filters: {} });
		expect(pairs(both.options.model)).toEqual([
			['M1', 5],
			['M2', 3],
			['M3', 1]
		]);
		expect(pairs(both.options.channel)).toEqual([
			['电商', 1],
			['门店', 1]
		]);
		// Returns have no service centre: with one chosen, only repairs are counted.
		const narrowed = await filterOptions(db.db, ['repairs', 'returns'], {
			filters: { service_center: ['C2'] }
		});
		expect(pairs(narrowed.options.model)).toEqual([
			['M1', 1],
			['M3', 1]
		]);
		expect(narrowed.options.channel).toEqual([]);
	});

	it('treats a filter value as data, not SQL', async () => {
		const options = await repairs({ filters: { model: ["M1' OR '1'='1"] } });
		expect(options.region).toEqual([]);
	});
});
