import { describe, expect, it } from 'vitest';
import { OPTION_FILTERS, OPTION_TABLES } from '../../src/lib/domain/metrics/filter-options';
import type { FilterName, MetricQuery } from '../../src/lib/domain/metrics/query';
import { loadMetricConfig } from '../../src/lib/server/metrics/config';
import { filterOptions, recordCounts } from '../../src/lib/server/metrics/filter-options';
import { cubeCounts, prepareOptionCubes, type OptionCount } from '../../src/lib/server/metrics/option-cube';
import { lastDayOf, monthsBack } from '../../src/lib/server/metrics/periods';
import { importDemoData } from '../helpers/demo-data';
import { mulberry32 } from '../helpers/random';
import { useTempDatabase } from '../helpers/temp-db';

/**
 * The filter bar's counts from the option cube (option-cube.ts) must equal the counts of the records
 * themselves for every whole-month period and filter set: random ones on the demo data, with the
 * filters users pick together, values the data lacks and an empty choice.
 */
describe('the option cube', () => {
	const ctx = useTempDatabase({ fill: importDemoData, timeout: 120_000 });
	const rnd = mulberry32(41);
	const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];

	const sorted = (counts: OptionCount[]) =>
		[...counts].sort((a, b) => `${a.filter}|${a.value}`.localeCompare(`${b.filter}|${b.value}`));

	it('answers once prepared for the current data, and until then leaves the counts to the records', async () => {
		const { params } = await loadMetricConfig();
		const count = () => cubeCounts(ctx.db, 'returns', { filters: {} }, params);
		expect(count()).toBeNull();
		await prepareOptionCubes(ctx.db, params);
		expect(sorted(count()!)).toEqual(sorted(await recordCounts(ctx.db, 'returns', { filters: {} }, params)));
		// A write: the cube of the data before it is not used.
		await ctx.db.write(async () => undefined);
		expect(count()).toBeNull();
	});

	it('counts what the records count, for random periods and filter sets of every table', async () => {
		const { params } = await loadMetricConfig();
		await prepareOptionCubes(ctx.db, params);
		const all = (await filterOptions(ctx.db, OPTION_TABLES, { filters: {} })).options;
		const valuesOf = (name: FilterName) =>
			name === 'in_warranty'
				? ['yes', 'no']
				: (all[name as (typeof OPTION_FILTERS)[number]] ?? []).map((o) => o.value);
		const names: FilterName[] = [...OPTION_FILTERS, 'in_warranty'];
		let compared = 0;
		let nonEmpty = 0;
		for (let i = 0; i < 240; i++) {
			const last = monthsBack('2025-12', Math.floor(rnd() * 30) - 2);
			const first = monthsBack(last, Math.floor(rnd() * 13));
			const open = rnd();
			const filters: MetricQuery['filters'] = {};
			for (let n = Math.floor(rnd() * 3); n > 0; n--) {
				const name = pick(names);
				const values = valuesOf(name);
				const choice = rnd();
				filters[name] =
					choice < 0.05
						? []
						: choice < 0.1 && name !== 'in_warranty'
							? ['不存在']
							: [pick(values), ...(rnd() < 0.3 ? [pick(values)] : [])];
			}
			const query: MetricQuery = {
				from: open < 0.1 ? undefined : `${first}-01`,
				to: open > 0.9 ? undefined : lastDayOf(last),
				filters
			};
			for (const name of OPTION_TABLES) {
				const fromCube = cubeCounts(ctx.db, name, query, params);
				expect(fromCube, JSON.stringify([name, query])).not.toBeNull();
				expect(sorted(fromCube!), JSON.stringify([name, query])).toEqual(
					sorted(await recordCounts(ctx.db, name, query, params))
				);
				compared++;
				if (fromCube!.length) nonEmpty++;
			}
		}
		expect(compared).toBe(960);
		expect(nonEmpty).toBeGreaterThan(500);
	});

	it('leaves periods of days and filters it does not hold to the records', async () => {
		const { params } = await loadMetricConfig();
		await prepareOptionCubes(ctx.db, params);
		const count = (query: MetricQuery) => cubeCounts(ctx.db, 'repairs', query, params);
		expect(count({ filters: {} })).not.toBeNull();
		expect(count({ from: '2025-03-02', to: '2025-03-31', filters: {} })).toBeNull();
		expect(count({ from: '2025-03-01', to: '2025-03-30', filters: {} })).toBeNull();
		expect(count({ filters: { defect_code: ['E1'] } })).toBeNull();
		// A value the warranty rule does not know is refused, as the records' counts refuse it.
		expect(() => count({ filters: { in_warranty: ['maybe'] } })).toThrow(/in_warranty/);
		// A filter the table lacks: the table takes no part, as with its records.
		const query: MetricQuery = { filters: { channel: ['线上'] } };
		expect(count(query)).toEqual([]);
		expect(await recordCounts(ctx.db, 'repairs', query, params)).toEqual([]);
	});
});
