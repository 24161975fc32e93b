import { describe, expect, it, vi } from 'vitest';
import { OPTION_TABLES } from '../../src/lib/domain/metrics/filter-options';
import type { MetricQuery } from '../../src/lib/domain/metrics/query';
import { KIND_DEFS, KINDS } from '../../src/lib/domain/records';
import { loadMetricConfig } from '../../src/lib/server/metrics/config';
import { coverage } from '../../src/lib/server/metrics/coverage';
import { monthlySeries, readSeries } from '../../src/lib/server/metrics/defects-series';
import { filterOptions } from '../../src/lib/server/metrics/filter-options';
import { lastDayOf, monthsBack } from '../../src/lib/server/metrics/periods';
import { metricDefinition, metricInfos, metricRows, runMetric } from '../../src/lib/server/metrics/registry';
import { keepSummaries } from '../../src/lib/server/metrics/summaries';
import { importDemoData } from '../helpers/demo-data';
import { mulberry32 } from '../helpers/random';
import { useTempDatabase } from '../helpers/temp-db';

/**
 * Whole-month windows are answered from the whole history (month-window.ts): for every metric that
 * says its rows are per month, each slice must equal the metric run on the window itself, with the
 * filters users pick (narrow ones leave months without records at the window's ends).
 */
describe('whole-month windows sliced from the whole history', () => {
	const ctx = useTempDatabase({ fill: importDemoData, timeout: 120_000 });
	const rnd = mulberry32(27);
	const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];

	/** Random whole-month windows around the demo data's months, some with an open end. */
	const windows = (count: number): Pick<MetricQuery, 'from' | 'to'>[] =>
		Array.from({ length: count }, () => {
			const last = monthsBack('2025-12', Math.floor(rnd() * 40) - 2);
			const first = monthsBack(last, Math.floor(rnd() * 14));
			const open = rnd();
			return {
				from: open < 0.1 ? undefined : `${first}-01`,
				to: open > 0.9 ? undefined : lastDayOf(last)
			};
		});

	/** Random whole-month windows inside the `span` months from `first`. */
	const windowsIn = (first: string, span: number, count: number): Pick<MetricQuery, 'from' | 'to'>[] =>
		Array.from({ length: count }, () => {
			const start = Math.floor(rnd() * span);
			const end = start + Math.floor(rnd() * (span - start + 1));
			return { from: `${monthsBack(first, -start)}-01`, to: lastDayOf(monthsBack(first, -end)) };
		});

	it('gives each per-month metric the rows of a run on the window', async () => {
		const { params } = await loadMetricConfig();
		const options = (await filterOptions(ctx.db, OPTION_TABLES, { filters: {} })).options;
		const perMonth = (await metricInfos()).filter((info) => metricDefinition(info.id).rowPerMonth);
		expect(perMonth.map((info) => info.id).sort()).toEqual([
			'complaints.sla',
			'cost.monthly',
			'defects.monthly',
			'repairs.repeat',
			'repairs.turnaround',
			'returns.monthly',
			'satisfaction.monthly'
		]);
		let trimmed = 0;
		for (const info of perMonth) {
			const def = metricDefinition(info.id);
			const filterSets: MetricQuery['filters'][] = [{}];
			for (const name of info.filters) {
				const values = options[name as keyof typeof options];
				// A common value and the rarest one, whose records leave months out.
				if (values?.length)
					filterSets.push({ [name]: [pick(values).value] }, { [name]: [values.at(-1)!.value] });
			}
			for (const filters of filterSets) {
				const check = async (window: Pick<MetricQuery, 'from' | 'to'>) => {
					const query = { ...window, filters };
					const sliced = await metricRows(ctx.db, def.id, query);
					expect(sliced, `${def.id} ${JSON.stringify(query)}`).toEqual(
						await def.run({ db: ctx.db, query, params })
					);
					return sliced.length;
				};
				// A year read first, then windows inside it (sliced from that year), then the whole history
				// and windows anywhere (sliced from it).
				await check({ from: '2024-01-01', to: '2024-12-31' });
				for (const window of windowsIn('2024-01', 11, 4)) await check(window);
				const whole = await metricRows(ctx.db, def.id, { filters });
				for (const window of windows(5)) {
					const listed = await check(window);
					const inWindow = whole.filter((r) => {
						const month = (r as { month: string }).month;
						return month >= (window.from?.slice(0, 7) ?? '') && month <= (window.to?.slice(0, 7) ?? '9');
					});
					if (inWindow.length > listed) trimmed++;
				}
			}
		}
		// Some windows had months without records at their ends: the trimming was exercised.
		expect(trimmed).toBeGreaterThan(0);
	});

	it('answers every unfiltered whole-month window from the history the summaries read, with no query', async () => {
		const { params } = await loadMetricConfig();
		// A new version of the data: nothing is kept until the summaries are prepared for it.
		await ctx.db.write(async () => undefined);
		await keepSummaries(ctx.db);
		const perMonth = (await metricInfos()).filter((info) => metricDefinition(info.id).rowPerMonth);
		const asked = perMonth.flatMap((info) => windows(4).map((window) => ({ id: info.id, window })));
		const spies = [vi.spyOn(ctx.db, 'query'), vi.spyOn(ctx.db, 'queryColumns')];
		let answers: unknown[];
		try {
			answers = await Promise.all(
				asked.map(async ({ id, window }) => (await runMetric(ctx.db, id, { ...window, filters: {} })).rows)
			);
			for (const spy of spies) expect(spy).not.toHaveBeenCalled();
		} finally {
			for (const spy of spies) spy.mockRestore();
		}
		for (const [i, { id, window }] of asked.entries()) {
			const query = { ...window, filters: {} };
			expect(answers[i], `${id} ${JSON.stringify(window)}`).toEqual(
				await metricDefinition(id).run({ db: ctx.db, query, params })
			);
		}
	});

	it('reads a window for itself when the wider reading it waits on fails', async () => {
		const { params } = await loadMetricConfig();
		const { options } = await filterOptions(ctx.db, ['complaints'], { filters: {} });
		// A filter set no other test reads, so that nothing of it is kept yet.
		const filters = { model: [options.model![0].value], region: [options.region![0].value] };
		const query = ctx.db.query.bind(ctx.db);
		let failures = 1;
		const spy = vi.spyOn(ctx.db, 'query').mockImplementation(async (sql, values) => {
			if (failures-- > 0) throw new Error('transient');
			return query(sql, values);
		});
		try {
			const march = { from: '2024-03-01', to: '2024-03-31', filters };
			const wide = metricRows(ctx.db, 'complaints.sla', { from: '2024-01-01', to: '2024-12-31', filters });
			const narrow = metricRows(ctx.db, 'complaints.sla', march);
			await expect(wide).rejects.toThrow('transient');
			const direct = await metricDefinition('complaints.sla').run({ db: ctx.db, query: march, params });
			expect(direct).toHaveLength(1);
			expect(await narrow).toEqual(direct);
		} finally {
			spy.mockRestore();
		}
	});

	it('gives the defect series of a run on the window', async () => {
		const { params } = await loadMetricConfig();
		for (const window of windows(12)) {
			for (const filters of [{}, { region: ['华东'] }]) {
				const query = { ...window, filters };
				const direct = (await readSeries({ db: ctx.db, query, params }, false)).get(null) ?? [];
				expect(await monthlySeries({ db: ctx.db, query, params })).toEqual(direct);
			}
		}
	});

	it('counts each kind in a window as a scan of the window does', async () => {
		for (const window of [...windows(8), { from: '2024-03-15', to: '2024-04-02' }, { to: '2023-12-31' }]) {
			const counted = await coverage(ctx.db, window);
			for (const kind of KINDS) {
				const { table, dateField } = KIND_DEFS[kind];
				const day = `CAST(${dateField} AS DATE)`;
				const from =
					kind === 'sales' ? `CAST(date_trunc('month', CAST($1 AS DATE)) AS DATE)` : 'CAST($1 AS DATE)';
				const [row] = await ctx.db.query(
					`SELECT count(*) AS total, count(*) FILTER (WHERE ($1 IS NULL OR ${day} >= ${from})
						AND ($2 IS NULL OR ${day} <= CAST($2 AS DATE)) AND (${day} IS NOT NULL OR ($1 IS NULL AND $2 IS NULL))) AS w
					FROM ${table}`,
					[window.from ?? null, window.to ?? null]
				);
				expect(counted[kind], `${kind} ${JSON.stringify(window)}`).toEqual({
					total: Number(row.total),
					window: Number(row.w)
				});
			}
		}
	});
});

/** A model whose returns, complaints and surveys of 2024-06 are gone: a month without records between two with some. */
const GAP_MODEL = 'BCD-450W';

describe('the overview KPIs over a month without records', () => {
	const sparse = useTempDatabase({
		timeout: 120_000,
		fill: async (db) => {
			await importDemoData(db);
			await db.write(async (conn) => {
				for (const [table, date] of [
					['returns', 'requested_at'],
					['complaints', 'received_at'],
					['surveys', 'responded_at']
				])
					await conn.run(
						`DELETE FROM ${table} WHERE product_model = $1 AND ${date} >= DATE '2024-06-01' AND ${date} < DATE '2024-07-01'`,
						[GAP_MODEL]
					);
			});
		}
	});

	it('gives each KPI the figures of its own windows, not of the wider reading they are sliced from', async () => {
		const { params } = await loadMetricConfig();
		let gaps = 0;
		for (const filters of [{}, { model: [GAP_MODEL] }]) {
			for (const month of ['2024-05', '2024-06', '2024-07', '2024-08', '2025-06']) {
				const rows = await metricRows(sparse.db, 'overview.kpis', { to: lastDayOf(month), filters });
				expect(rows.length).toBeGreaterThan(0);
				for (const kpi of rows) {
					const def = metricDefinition(kpi.metric);
					const run = async (from: string, to: string) =>
						new Map(
							(
								await def.run({
									db: sparse.db,
									query: { from: `${from}-01`, to: lastDayOf(to), filters },
									params
								})
							).map((r) => [
								(r as { month: string }).month,
								(r as Record<string, unknown>)[kpi.column] ?? null
							])
						);
					const own = await run(monthsBack(kpi.month, 1), kpi.mtd_month ?? kpi.month);
					const lastYear = monthsBack(kpi.month, 12);
					const wide = await run(lastYear, kpi.mtd_month ?? kpi.month);
					const figure = (m: Map<string, unknown>, month: string) => (m.has(month) ? m.get(month) : null);
					const where = `${kpi.kpi} ${kpi.month} ${JSON.stringify(filters)}`;
					expect(kpi.value, where).toEqual(figure(own, kpi.month));
					expect(kpi.previous, where).toEqual(figure(own, monthsBack(kpi.month, 1)));
					expect(kpi.last_year, where).toEqual(figure(await run(lastYear, lastYear), lastYear));
					if (figure(wide, monthsBack(kpi.month, 1)) !== figure(own, monthsBack(kpi.month, 1))) gaps++;
				}
			}
		}
		// Some previous months had no records: a month the wider reading lists as 0 stayed without a figure.
		expect(gaps).toBeGreaterThan(0);
	});
});
