import type { KpiRow } from '$lib/domain/metrics/overview';
import type { MetricQuery, MetricRow } from '$lib/domain/metrics/query';
import type { AnyMetricDefinition, MetricContext } from './definition';
import { FAMILY_METRICS } from './families';
import { KPIS, kpiMonthRange, lastDayOf, monthsBack, type Kpi } from './kpis';
import { buildSignals } from './signals';

/** Rows of a monthly metric keyed by month, computed by its definition like any other caller's. */
async function monthly(ctx: MetricContext, id: string, query: MetricQuery): Promise<Map<string, MetricRow>> {
	const def = FAMILY_METRICS.find((m) => m.id === id);
	if (!def) throw new Error(`overview.kpis: no metric ${id}`);
	const filters = Object.fromEntries(
		Object.entries(query.filters).filter(([name]) => def.filters.includes(name as never))
	);
	const rows: MetricRow[] = await def.run({
		...ctx,
		query: { from: query.from, to: query.to, by: def.dimensions[0], filters }
	});
	return new Map(rows.map((r) => [String(r.month), r]));
}

const change = (value: number | null, base: number | null) =>
	value === null || base === null || base === 0 ? null : (value - base) / Math.abs(base);

/**
 * The headline figures of one month with month-on-month and year-on-year comparisons. Without
 * `yearOnYear` (signals, which look at month-on-month jumps only) last year's month is not read and
 * its columns are null.
 */
async function kpiRows(ctx: MetricContext, { yearOnYear = true } = {}): Promise<KpiRow[]> {
	const { month } = await kpiMonthRange(ctx);
	if (!month) return [];
	const previous = monthsBack(month, 1);
	const lastYear = monthsBack(month, 12);
	// Each monthly row depends on its own month only, so the three months are read as two windows
	// (previous + this month, the same month last year) rather than the thirteen months between.
	const windows = [{ from: `${previous}-01`, to: lastDayOf(month) }];
	if (yearOnYear) windows.push({ from: `${lastYear}-01`, to: lastDayOf(lastYear) });
	// Independent queries on connections of their own: run together, they keep both cores busy.
	const byMetric = new Map(
		await Promise.all(
			[...new Set(KPIS.map((k) => k.metric))].map(async (id) => {
				const parts = await Promise.all(windows.map((w) => monthly(ctx, id, { ...ctx.query, ...w })));
				return [id, new Map(parts.flatMap((part) => [...part]))] as const;
			})
		)
	);
	const value = (kpi: Kpi, m: string) => {
		const v = byMetric.get(kpi.metric)?.get(m)?.[kpi.column];
		return typeof v === 'number' ? v : null;
	};
	return KPIS.map((kpi) => {
		const v = value(kpi, month);
		const prev = value(kpi, previous);
		const ly = value(kpi, lastYear);
		return {
			kpi: kpi.id,
			metric: kpi.metric,
			column: kpi.column,
			month,
			value: v,
			previous: prev,
			last_year: ly,
			change_mom: change(v, prev),
			change_yoy: change(v, ly),
			better: kpi.better
		};
	});
}

export const metrics = [
	{
		id: 'overview.kpis',
		dimensions: [],
		filters: ['model', 'category', 'region'],
		uses: [],
		run: kpiRows
	},
	{
		id: 'signals',
		dimensions: [],
		filters: ['model', 'category', 'region'],
		uses: ['signal_jump_share', 'sla_min_share'],
		run: (ctx) => buildSignals(ctx, (c) => kpiRows(c, { yearOnYear: false }))
	}
] satisfies AnyMetricDefinition[];
