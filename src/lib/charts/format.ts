/**
 * Number formatting shared by the chart builders, the pages and (later) the server-rendered reports.
 * Pure: the caller passes the BCP 47 locale tag (e.g. `intlLocale(locale)` from $lib/i18n).
 */

/** How a value is shown. Fractions (0–1) are stored as fractions everywhere and only formatted here. */
export type ValueKind =
	| 'count'
	| 'decimal'
	/** a value that is already "per 1000" (rate_per_1000) */
	| 'per1000'
	/** a fraction shown as a percentage with one decimal (shares) */
	| 'share'
	/** a small fraction shown as a percentage with two decimals (p of a p-chart) */
	| 'p'
	| 'hours'
	| 'days'
	| 'money'
	/** a 1–5 score */
	| 'score'
	/** a −100…100 score */
	| 'nps';

const cache = new Map<string, Intl.NumberFormat>();

function nf(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const key = `${locale}|${JSON.stringify(options)}`;
	let format = cache.get(key);
	if (!format) {
		format = new Intl.NumberFormat(locale, options);
		cache.set(key, format);
	}
	return format;
}

const fixed = (locale: string, digits: number) =>
	nf(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The dash shown for a missing value (no denominator, no data). */
export const MISSING = '—';

/** A value as text with its unit; null, undefined and non-finite numbers give "—". */
export function formatValue(value: number | null | undefined, kind: ValueKind, locale: string): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
	switch (kind) {
		case 'count':
			return nf(locale, { maximumFractionDigits: 0 }).format(value);
		case 'decimal':
			return fixed(locale, 2).format(value);
		case 'per1000':
			return `${fixed(locale, 2).format(value)}‰`;
		case 'share':
			return `${fixed(locale, 1).format(value * 100)}%`;
		case 'p':
			return `${fixed(locale, 2).format(value * 100)}%`;
		case 'hours':
			return `${fixed(locale, 1).format(value)} h`;
		case 'days':
			return `${nf(locale, { maximumFractionDigits: 0 }).format(value)} d`;
		case 'money':
			return `¥${fixed(locale, 2).format(value)}`;
		case 'score':
			return fixed(locale, 2).format(value);
		case 'nps':
			return fixed(locale, 1).format(value);
	}
}

/** A short axis label: no forced decimals, large money values abbreviated. */
export function formatAxis(value: number, kind: ValueKind, locale: string): string {
	switch (kind) {
		case 'share':
		case 'p':
			return `${nf(locale, { maximumFractionDigits: kind === 'p' ? 2 : 0 }).format(value * 100)}%`;
		case 'per1000':
			return `${nf(locale, { maximumFractionDigits: 2 }).format(value)}‰`;
		case 'money':
			return `¥${nf(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value)}`;
		default:
			return nf(locale, { maximumFractionDigits: 2 }).format(value);
	}
}

/** A relative change (0.12 → "+12.0%"). */
export function formatChange(change: number | null | undefined, locale: string): string {
	if (change === null || change === undefined || !Number.isFinite(change)) return MISSING;
	const sign = change > 0 ? '+' : change < 0 ? '−' : '';
	return `${sign}${fixed(locale, 1).format(Math.abs(change) * 100)}%`;
}

/** The unit of a change in points: percentage points, per-mille points or points of a score. */
export type PointsUnit = 'pp' | 'permille' | 'points';

/**
 * How a change in points between two values of `kind` reads: its unit, the factor that turns the
 * difference into that unit (shares are fractions: ×100) and its decimals.
 */
export function pointsOf(kind: ValueKind): { unit: PointsUnit; scale: number; digits: number } {
	if (kind === 'share' || kind === 'p') return { unit: 'pp', scale: 100, digits: 1 };
	if (kind === 'per1000') return { unit: 'permille', scale: 1, digits: 2 };
	return { unit: 'points', scale: 1, digits: kind === 'nps' ? 1 : 2 };
}

/**
 * A change in points, the difference of two values of `kind`, as a signed number in the unit the value is
 * shown in: shares ×100 (percentage points, 0.012 → "+1.2"), per mille and scores as they are. The caller
 * adds the unit word ("pp", "个百分点", "points").
 */
export function formatPoints(change: number | null | undefined, kind: ValueKind, locale: string): string {
	if (change === null || change === undefined || !Number.isFinite(change)) return MISSING;
	const sign = change > 0 ? '+' : change < 0 ? '−' : '';
	const { scale, digits } = pointsOf(kind);
	return `${sign}${fixed(locale, digits).format(Math.abs(change) * scale)}`;
}

/** A JSON value as a finite number, else null. */
export function toNumber(value: unknown): number | null {
	return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
