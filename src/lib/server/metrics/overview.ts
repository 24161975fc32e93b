import { limitToScope } from '$lib/domain/auth/scope';
import type { ChangeKind, KpiRow } from '$lib/domain/metrics/overview';
import type { MetricQuery, MetricRow } from '$lib/domain/metrics/query';
import type { AnyMetricDefinition, MetricContext } from './definition';
import { FAMILY_METRICS } from './families';
import { KPIS, type Kpi } from './kpis';
import { asOfDates, lastDayOf, monthsBack, reportMonth } from './periods';
import { keptRows } from './month-window';
import { buildSignals } from './signals';

/** Rows of a monthly metric keyed by month, computed by its definition like any other caller's. */
async function monthly(ctx: MetricContext, id: string, query: MetricQuery): Promise<Map<string, MetricRow>> {
	const def = FAMILY_METRICS.find((m) => m.id === id);
	if (!def) throw new Error(`overview.kpis: no metric ${id}`);
	const filters = Object.fromEntries(
		Object.entries(query.filters).filter(([name]) => def.filters.includes(name as never))
	);
	// The figures come from other metrics: each must honour the user's scope as well.
	const windowed = limitToScope(def.id, def.filters, {
		from: query.from,
		to: query.to,
		by: def.dimensions[0],
		filters,
		scope: query.scope
	});
	// Read as the registry reads it: the KPIs, the signals, the sparklines and the pages share the reading.
	const rows = (await keptRows(ctx.db, def, windowed, ctx.params)) as MetricRow[];
	return new Map(rows.map((r) => [String(r.month), r]));
}

/** The change from `base` to `value`: relative (a fraction of |base|) or points (the difference). */
function change(kind: ChangeKind, value: number | null, base: number | null): number | null {
	if (value === null || base === null) return null;
	if (kind === 'points') return value - base;
	return base === 0 ? null : (value - base) / Math.abs(base);
}

/**
 * The headline figures, each of the latest complete month of its record kind on or before the chosen
 * month (`to`; for a maturing figure such as the 30-day repeat rate, the latest mature month), with month-on-month and year-on-year changes, and the partial month after it as month
 * to date, never compared. Without `yearOnYear` (signals, which look at month-on-month jumps only) last
 * year's month is not read and its columns are null.
 */
async function kpiRows(ctx: MetricContext, { yearOnYear = true } = {}): Promise<KpiRow[]> {
	const asOf = await asOfDates(ctx.db, [...new Set(KPIS.map((k) => k.kind))]);
	const chosen = ctx.query.to?.slice(0, 7) ?? null;
	const periods = new Map(KPIS.map((k) => [k, reportMonth(asOf[k.kind], chosen, k.matureDays)]));
	// A kind without records stands in the month of the first kind with some (repairs, as listed).
	const fallback = [...periods.values()].find((p) => p.month)?.month;
	if (!fallback) return [];
	const plan = new Map(
		KPIS.map((kpi) => {
			const { month, partial } = periods.get(kpi)!;
			const m = month ?? fallback;
			return [kpi, { month: m, partial, reading: `${kpi.metric}|${m}|${partial}` }];
		})
	);
	const readings = new Map([...plan].map(([kpi, p]) => [p.reading, { metric: kpi.metric, ...p }]));
	// Each figure reads its own windows: the previous month to month to date, and the same month last
	// year. (A series listing the months between its first and last with records shows a month without
	// any as 0 inside a wider window, where the month's own window gives no row and the figure none.)
	// The reading from last year's month on is started first: it holds both windows and the sparkline's
	// thirteen months, which are then slices of it (month-window.ts), not scans of their own.
	// Independent queries on connections of their own: run together, they keep both cores busy.
	const byReading = new Map(
		await Promise.all(
			[...readings].map(async ([key, { metric, month, partial }]) => {
				const lastYear = monthsBack(month, 12);
				const to = lastDayOf(partial ?? month);
				const windows = [
					...(yearOnYear ? [{ from: `${lastYear}-01`, to }] : []),
					{ from: `${monthsBack(month, 1)}-01`, to },
					...(yearOnYear ? [{ from: `${lastYear}-01`, to: lastDayOf(lastYear) }] : [])
				];
				const parts = await Promise.all(windows.map((w) => monthly(ctx, metric, { ...ctx.query, ...w })));
				// The first, wide reading when there is one only serves the others.
				return [key, new Map(parts.slice(yearOnYear ? 1 : 0).flatMap((part) => [...part]))] as const;
			})
		)
	);
	const value = (kpi: Kpi, m: string | null) => {
		const v = m === null ? null : byReading.get(plan.get(kpi)!.reading)?.get(m)?.[kpi.column];
		return typeof v === 'number' ? v : null;
	};
	return KPIS.map((kpi) => {
		const { month, partial } = plan.get(kpi)!;
		const changeKind: ChangeKind = kpi.change === 'relative' ? 'relative' : 'points';
		const v = value(kpi, month);
		const prev = value(kpi, monthsBack(month, 1));
		const ly = value(kpi, monthsBack(month, 12));
		return {
			kpi: kpi.id,
			metric: kpi.metric,
			column: kpi.column,
			month,
			value: v,
			previous: prev,
			last_year: ly,
			change_mom: change(changeKind, v, prev),
			change_yoy: change(changeKind, v, ly),
			better: kpi.better,
			change_kind: changeKind,
			as_of: asOf[kpi.kind],
			mtd_month: partial,
			mtd_value: value(kpi, partial)
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
		uses: ['signal_jump_share', 'signal_jump_points', 'sla_min_share'],
		run: (ctx) => buildSignals(ctx, (c) => kpiRows(c, { yearOnYear: false }))
	}
] satisfies AnyMetricDefinition[];
