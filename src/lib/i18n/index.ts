import { KIND_DEFS, type Kind } from '$lib/domain/records';
import { en } from './en';
import { zhCN, type MessageKey } from './zh-CN';

export type { MessageKey } from './zh-CN';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
/** Name of the cookie holding the chosen locale. */
export const LOCALE_COOKIE = 'locale';

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** A cookie or header value → a supported locale (zh-CN unless it says English). */
export function resolveLocale(value: string | null | undefined): Locale {
	if (isLocale(value)) return value;
	return value?.toLowerCase().startsWith('en') ? 'en' : DEFAULT_LOCALE;
}

/** Replaces {name} placeholders; unknown placeholders stay as they are. */
function interpolate(template: string, params?: Params): string {
	if (!params) return template;
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? String(params[name]) : whole
	);
}

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
	const message = DICTIONARIES[locale][key] ?? zhCN[key] ?? key;
	return interpolate(message, params);
}

/** A `t(key, params?)` bound to one locale: on the server use `createT(event.locals.locale)`. */
export function createT(locale: Locale): Translate {
	return (key, params) => translate(locale, key, params);
}

/** Both languages, zh-CN first: for CSV headers and other places read by either audience. */
export function bilingual(key: MessageKey, params?: Params): string {
	const zh = translate('zh-CN', key, params);
	const english = translate('en', key, params);
	return zh === english ? zh : `${zh} ${english}`;
}

/** Is this string a known message key (e.g. a reject reason code → `reject.${code}`)? */
export function hasMessage(key: string): key is MessageKey {
	return key in zhCN;
}

/** A reject reason code in the given language; unknown codes are shown as they are. */
export function rejectReason(locale: Locale, code: string): string {
	const key = `reject.${code}`;
	return hasMessage(key) ? translate(locale, key) : code;
}

// Kind and field labels live in src/lib/domain/records (one source for the mapping form, ingest and reports).

export function kindLabel(locale: Locale, kind: Kind): string {
	return locale === 'en' ? KIND_DEFS[kind].en : KIND_DEFS[kind].zh;
}

/** The label of a canonical field; unknown names are returned unchanged. */
export function fieldLabel(locale: Locale, kind: Kind, field: string): string {
	const def = KIND_DEFS[kind].fields.find((f) => f.name === field);
	if (!def) return field;
	return locale === 'en' ? def.en : def.zh;
}

/** "报修时间 Received": zh-CN first with the English term beside it (English only when locale is en). */
export function fieldLabelBoth(locale: Locale, kind: Kind, field: string): string {
	const def = KIND_DEFS[kind].fields.find((f) => f.name === field);
	if (!def) return field;
	return locale === 'en' ? def.en : `${def.zh} ${def.en}`;
}

/** The BCP 47 tag for Intl formatting. */
export function intlLocale(locale: Locale): string {
	return locale === 'en' ? 'en-GB' : 'zh-CN';
}
