import { bilingual, type Locale } from '$lib/i18n';
import type { CatalogueItem } from './catalogue';
import type { ItemStatus, Level } from './scoring';

/**
 * Names of levels and item statuses, for the pages, the CLI and reports alike: each is one message
 * (as.level.*, as.item.*) holding the GLOSSARY.md term, so every place says the same word.
 */

export const levelKey = (level: Level) => `as.level.${level}` as const;

export const itemStatusKey = (status: ItemStatus | 'not-assessed') => `as.item.${status}` as const;

/** "三星级 Three-star": levels are always shown in both languages (certificates use both). */
export function levelBoth(level: Level): string {
	return bilingual(levelKey(level));
}

/** Stars a level shows (compliant has none). */
export const STARS: Record<Level, number> = {
	'not-rated': 0,
	compliant: 0,
	'three-star': 3,
	'four-star': 4,
	'five-star': 5
};

/** The item's title in the UI language (the Chinese one when no English title is given). */
export function titleOf(item: Pick<CatalogueItem, 'title_zh' | 'title_en'>, locale: Locale): string {
	return locale === 'en' && item.title_en ? item.title_en : item.title_zh;
}
