import type { CatalogueItem } from '$lib/domain/assessment/catalogue';
import type { Level } from '$lib/domain/assessment/scoring';
import { bilingual, intlLocale, type Locale, type MessageKey } from '$lib/i18n';

/** Small display helpers of the assessment pages (no state). */

/** The item's title in the UI language (the Chinese one when no English title is given). */
export function titleOf(item: Pick<CatalogueItem, 'title_zh' | 'title_en'>, locale: Locale): string {
	return locale === 'en' && item.title_en ? item.title_en : item.title_zh;
}

/** "三星级 Three-star": levels are always shown in both languages (certificates use both). */
export function levelBoth(level: Level): string {
	return bilingual(`as.level.${level}` as MessageKey);
}

export const STARS: Record<Level, number> = {
	'not-rated': 0,
	compliant: 0,
	'three-star': 3,
	'four-star': 4,
	'five-star': 5
};

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
