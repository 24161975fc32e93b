import { intlLocale, type Locale } from '$lib/i18n';

/** Number formats of the assessment pages. */

/** Points and scores: at most two decimals (sampled items give fractions). */
export function points(value: number, locale: Locale): string {
	return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 2 }).format(value);
}

/** A 0–1 attainment as a percentage, "—" when nothing is applicable. */
export function percent(value: number | null, locale: Locale): string {
	if (value === null) return '—';
	return new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 1 }).format(
		value
	);
}
