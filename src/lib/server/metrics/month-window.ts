import type { MetricQuery } from '$lib/domain/metrics/query';
import type { MetricId, MetricRows } from '$lib/domain/metrics/rows';
import type { Database } from '../db/connection';
import { cached, isCached } from './cache';
import type { MetricParams } from './config';
import type { MetricDefinition } from './definition';
import { lastDayOf } from './periods';

/**
 * Whole-month windows answered from a reading of a wider one. Users look at whole months (the period
 * presets, the month picker, the overview's windows), and a series whose row for a month depends on
 * that month's records alone reads the same for a month whatever window holds it. So a window inside
 * one already read for the same filters is a slice of that reading: the overview's KPIs, sparklines
 * and signals share one reading per metric, and narrowing a page's period costs no scan. A window not
 * held by any is read for itself, never more (reading the whole history would make every first view
 * and filter change slower) — except the whole history without filters, which the server reads once
 * per version of the data (summaries.ts), so the unfiltered views are slices of it from the start.
 */

/** The months ("YYYY-MM") of a window made of whole months; an absent end is open. */
export interface MonthWindow {
	first?: string;
	last?: string;
}

/** The window's months; null when it does not start on a month's first day and end on a last day. */
export function wholeMonths(query: Pick<MetricQuery, 'from' | 'to'>): MonthWindow | null {
	const first = query.from?.slice(0, 7);
	const last = query.to?.slice(0, 7);
	if (query.from !== undefined && query.from !== `${first}-01`) return null;
	if (query.to !== undefined && query.to !== lastDayOf(last!)) return null;
	return { first, last };
}

/** A month "YYYY-MM" as monthIndexSql's integer (year × 12 + month − 1), as summaries key their months. */
export const monthIndexOf = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

/** The rows whose `month` ("YYYY-MM…") lies in the months of `window`. */
export function rowsInMonths<Row>(rows: readonly Row[], window: MonthWindow): Row[] {
	return rows.filter((row) => {
		// Rows of a rowPerMonth metric, and of the series behind them, carry their month.
		const month = String((row as { month?: unknown }).month).slice(0, 7);
		return (!window.first || month >= window.first) && (!window.last || month <= window.last);
	});
}

const holds = (outer: MonthWindow, inner: MonthWindow) =>
	(!outer.first || (!!inner.first && inner.first >= outer.first)) &&
	(!outer.last || (!!inner.last && inner.last <= outer.last));

/** The windows read per reading (`base`: what is read, without its window), for one version of the data. */
const readWindows = new WeakMap<Database, { version: number; byBase: Map<string, MonthWindow[]> }>();

/** Readings remembered beyond this many filter sets are swept of those the cache let go of. */
const MAX_BASES = 2000;

const windowKey = (base: string, window: MonthWindow) =>
	JSON.stringify([base, window.first ?? null, window.last ?? null]);

/**
 * A reading for the query's window, kept until the data changes: sliced (`slice`) from a kept reading
 * of a window that holds it, else read (`read`, with the window's from/to) and kept. A window that is
 * not made of whole months is read for itself.
 */
export async function keptWindow<T>(
	db: Database,
	base: string,
	query: Pick<MetricQuery, 'from' | 'to'>,
	read: (window: Pick<MetricQuery, 'from' | 'to'>) => Promise<T>,
	slice: (kept: T, window: MonthWindow) => T
): Promise<T> {
	const window = wholeMonths(query);
	if (!window) return cached(db, JSON.stringify([base, query.from, query.to, 'days']), () => read(query));
	let known = readWindows.get(db);
	if (!known || known.version !== db.dataVersion)
		readWindows.set(db, (known = { version: db.dataVersion, byBase: new Map() }));
	// Readings the cache let go of are forgotten here too.
	const kept = (b: string) => (known.byBase.get(b) ?? []).filter((w) => isCached(db, windowKey(b, w)));
	if (known.byBase.size > MAX_BASES) {
		for (const b of [...known.byBase.keys()]) {
			const live = kept(b);
			if (live.length) known.byBase.set(b, live);
			else known.byBase.delete(b);
		}
	}
	const remember = (w: MonthWindow) => known.byBase.set(base, [...kept(base), w]);
	const reading = (w: MonthWindow) =>
		cached(db, windowKey(base, w), () =>
			read({ from: w.first && `${w.first}-01`, to: w.last && lastDayOf(w.last) })
		);
	const holder = kept(base).find((w) => holds(w, window));
	if (holder) {
		try {
			return slice(await reading(holder), window);
		} catch {
			// The wider reading failed (it is not kept): this window is read for itself.
		}
	}
	remember(window);
	return slice(await reading(window), window);
}

/**
 * A metric's rows for a checked query, kept until the data changes. A metric with `rowPerMonth` gives
 * whole-month windows through keptWindow; every caller (the registry, the overview's figures) comes
 * through here, so all of them share the readings.
 */
export async function keptRows<Id extends MetricId>(
	db: Database,
	def: MetricDefinition<Id>,
	query: MetricQuery,
	params: MetricParams
): Promise<MetricRows[Id][]> {
	// Parameters are part of the key: a changed target or threshold is a different result.
	const base = JSON.stringify([def.id, { ...query, from: undefined, to: undefined }, params]);
	if (!def.rowPerMonth)
		return cached(db, JSON.stringify([base, query.from, query.to]), () => def.run({ db, query, params }));
	const records = def.rowPerMonth.recordsColumn;
	const hasRecords = (row: MetricRows[Id]) => Number((row as Record<string, unknown>)[records!]) > 0;
	return keptWindow(
		db,
		base,
		query,
		(window) => def.run({ db, query: { ...query, ...window }, params }),
		(rows, window) => {
			const sliced = rowsInMonths(rows, window);
			if (!records) return sliced;
			// The window's own months run from its first to its last month with records.
			const first = sliced.findIndex(hasRecords);
			return first < 0 ? [] : sliced.slice(first, sliced.findLastIndex(hasRecords) + 1);
		}
	);
}
