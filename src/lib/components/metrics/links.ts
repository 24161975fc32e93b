/**
 * Links that keep the view: the period and filters of the current URL carried to another analytics
 * section, a KPI's or a signal's month and model added, or all of them cleared. Every link between
 * analytics pages is built here, so none drops what the user chose.
 */
import { FILTER_NAMES, type FilterName } from '$lib/domain/metrics/query';

/** The overview shows one month (`month`); the sections a period (`from`, `to`). */
export type ViewTarget = 'overview' | 'section';

export interface ViewChange {
	/** YYYY-MM: a section shows the 12 months up to it; the overview shows it. */
	month?: string;
	/** Replace these filters' values. */
	filters?: Partial<Record<FilterName, string[]>>;
}

const VIEW_KEYS = new Set<string>(['from', 'to', 'month', ...FILTER_NAMES]);

/** The 12 months up to and including `month` (YYYY-MM) as days. */
export function twelveMonthsTo(month: string): { from: string; to: string } {
	const [y, m] = month.split('-').map(Number);
	const day = (mm: number, d: number) => new Date(Date.UTC(y, mm - 1, d)).toISOString().slice(0, 10);
	return { from: day(m - 11, 1), to: day(m + 1, 0) };
}

/**
 * The query string (with its "?", or "") of `target` showing the view of `search`: its filters, and
 * its period translated between the overview's month and a section's days (a section's `to` is the
 * overview's month; the overview's month is a section's last 12 months).
 */
export function viewSearch(search: URLSearchParams, target: ViewTarget, change: ViewChange = {}): string {
	const out = new URLSearchParams();
	const month = change.month ?? search.get('month');
	if (target === 'overview') {
		const to = change.month ?? search.get('month') ?? search.get('to')?.slice(0, 7);
		if (to) out.set('month', to);
	} else if (change.month || (!search.get('from') && !search.get('to') && month)) {
		const period = twelveMonthsTo(month!);
		out.set('from', period.from);
		out.set('to', period.to);
	} else {
		for (const key of ['from', 'to']) if (search.get(key)) out.set(key, search.get(key)!);
	}
	for (const name of FILTER_NAMES) {
		const values = change.filters?.[name] ?? search.getAll(name).filter((v) => v !== '');
		for (const value of values) out.append(name, value);
	}
	const text = out.toString();
	return text ? `?${text}` : '';
}

/** The query string of the same page without its period and filters (other parameters, e.g. `by`, stay). */
export function clearedSearch(search: URLSearchParams): string {
	const out = new URLSearchParams([...search].filter(([key]) => !VIEW_KEYS.has(key)));
	const text = out.toString();
	return text ? `?${text}` : '';
}

/** The period or a filter is set in `search`. */
export function hasView(search: URLSearchParams): boolean {
	return [...search].some(([key, value]) => VIEW_KEYS.has(key) && value !== '');
}
