import { describe, expect, it, vi } from 'vitest';
import { OPTION_TABLES } from '../../src/lib/domain/metrics/filter-options';
import type { FilterName, MetricQuery } from '../../src/lib/domain/metrics/query';
import type { Database } from '../../src/lib/server/db/connection';
import { loadMetricConfig, type MetricParams } from '../../src/lib/server/metrics/config';
import { readSeries } from '../../src/lib/server/metrics/defects-series';
import { filterOptions } from '../../src/lib/server/metrics/filter-options';
import { lastDayOf, monthsBack } from '../../src/lib/server/metrics/periods';
import { metricDefinition } from '../../src/lib/server/metrics/registry';
import { prepareRepairRollups, repairSource } from '../../src/lib/server/metrics/repair-rollups';
import { Params } from '../../src/lib/server/metrics/sql';
import { keepSummaries } from '../../src/lib/server/metrics/summaries';
import { importDemoData } from '../helpers/demo-data';
import { mulberry32 } from '../helpers/random';
import { useTempDatabase } from '../helpers/temp-db';

/**
 * The repair metrics read from a rollup (repair-rollups.ts) must give what they give from the repairs
 * themselves: each random whole-month query of the demo data is run right after a write (no rollup is
 * prepared for the new version, so the repairs answer) and again once the rollups are prepared.
 */
describe('repair rollups', () => {
	const ctx = useTempDatabase({ fill: importDemoData, timeout: 120_000 });
	const rnd = mulberry32(53);
	const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];

	const fromRollup = (db: Database, query: MetricQuery, params: MetricParams, by: string[]) =>
		repairSource(new Params(), db, query, params, { by }).from.startsWith('workbench_rollups');

	it('gives the rows the repairs give, for random periods, filters and dimensions', async () => {
		// A failed build is logged (and its metrics read the repairs): the rollups' first builds start
		// side by side, and attaching their database twice at once used to fail one of them.
		const failures = vi.spyOn(console, 'error');
		const { params } = await loadMetricConfig();
		const options = (await filterOptions(ctx.db, OPTION_TABLES, { filters: {} })).options;
		const valuesOf = (name: FilterName) =>
			name === 'in_warranty'
				? ['yes', 'no']
				: (options[name as keyof typeof options] ?? []).map((o) => o.value);
		const cases: [string, FilterName[], string[]][] = [
			['defects.monthly', ['model', 'category', 'region', 'in_warranty'], []],
			['defects.pchart', ['model', 'region', 'in_warranty'], []],
			['cost.monthly', ['model', 'category', 'region', 'in_warranty'], []],
			['repairs.repeat', ['model', 'region', 'supplier', 'service_center', 'in_warranty'], []],
			['complaints.escalations', ['supplier', 'region', 'model'], []],
			['defects.mis', ['model', 'category', 'region', 'in_warranty'], []],
			[
				'defects.pareto',
				['model', 'region', 'supplier', 'service_center', 'in_warranty'],
				['defect_code', 'product_model', 'supplier', 'service_center', 'defect_category']
			],
			[
				'cost.drivers',
				['model', 'category', 'supplier', 'in_warranty'],
				['defect_code', 'region', 'service_center', 'category']
			]
		];
		let rolled = 0;
		for (let i = 0; i < 96; i++) {
			const [id, filterNames, dimensions] = cases[i % cases.length];
			const last = monthsBack('2025-12', Math.floor(rnd() * 24));
			const first = monthsBack(last, Math.floor(rnd() * 13));
			const filters: MetricQuery['filters'] = {};
			if (rnd() < 0.6) {
				const name = pick(filterNames);
				filters[name] = [pick(valuesOf(name))];
			}
			const open = rnd();
			const query: MetricQuery = {
				from: open < 0.15 ? undefined : `${first}-01`,
				to: open > 0.85 ? undefined : lastDayOf(last),
				filters,
				by: dimensions.length ? pick(dimensions) : undefined
			};
			const def = metricDefinition(id);
			const by = query.by ? [query.by] : [];
			// A partner filter with a defect dimension: no rollup holds both, the repairs answer twice.
			const held = !(
				(filters.supplier || filters.service_center) &&
				['defect_code', 'defect_category'].includes(query.by ?? '')
			);
			// A write: the rollups of the data before it are not used any more.
			await ctx.db.write(async () => undefined);
			expect(fromRollup(ctx.db, query, params, by)).toBe(false);
			const records = await def.run({ db: ctx.db, query, params });
			const byModel = id === 'defects.pchart' && (await readSeries({ db: ctx.db, query, params }, true));
			await prepareRepairRollups(ctx.db, params);
			expect(fromRollup(ctx.db, query, params, by)).toBe(held);
			const rollup = await def.run({ db: ctx.db, query, params });
			expect(rollup, JSON.stringify([id, query])).toEqual(records);
			// The series of every model, behind the signals.
			if (byModel) expect(await readSeries({ db: ctx.db, query, params }, true)).toEqual(byModel);
			if (held && records.length) rolled++;
		}
		expect(rolled).toBeGreaterThan(55);
		expect(failures).not.toHaveBeenCalled();
		failures.mockRestore();
	});

	it('reads the repairs for periods of days and columns no rollup holds', async () => {
		const { params } = await loadMetricConfig();
		const whole: MetricQuery = { from: '2025-01-01', to: '2025-03-31', filters: {} };
		await prepareRepairRollups(ctx.db, params);
		expect(fromRollup(ctx.db, whole, params, [])).toBe(true);
		expect(fromRollup(ctx.db, { ...whole, to: '2025-03-30' }, params, [])).toBe(false);
		expect(fromRollup(ctx.db, whole, params, ['symptom'])).toBe(false);
		// The service partners and the defect codes are in different rollups, never both in one.
		expect(fromRollup(ctx.db, { ...whole, filters: { supplier: ['x'] } }, params, ['defect_code'])).toBe(
			false
		);
		expect(fromRollup(ctx.db, { ...whole, filters: { supplier: ['x'] } }, params, ['region'])).toBe(true);
	});

	it('is prepared by the server at its start and again after each write, older tables dropped', async () => {
		const { params } = await loadMetricConfig();
		const whole: MetricQuery = { from: '2025-01-01', to: '2025-03-31', filters: {} };
		await keepSummaries(ctx.db);
		expect(fromRollup(ctx.db, whole, params, [])).toBe(true);
		for (let i = 0; i < 3; i++) {
			await ctx.db.write(async () => undefined);
			await vi.waitFor(() => expect(fromRollup(ctx.db, whole, params, [])).toBe(true), { timeout: 10_000 });
		}
		// One table per rollup: those of the versions before were dropped.
		const tables = () =>
			ctx.db.query("SELECT table_name FROM duckdb_tables() WHERE database_name = 'workbench_rollups'");
		await vi.waitFor(async () => expect(await tables()).toHaveLength(3));
	});
});
