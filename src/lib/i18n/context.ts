import { getContext, setContext } from 'svelte';
import { DEFAULT_LOCALE, translate, type Locale, type Params } from './index';
import type { MessageKey } from './zh-CN';

const KEY = Symbol('i18n');

export interface I18n {
	readonly locale: Locale;
	/** Reactive in templates: reads the current locale at each call. */
	t: (key: MessageKey, params?: Params) => string;
}

/** Called once by the root layout with a getter over its (reactive) data. */
export function setI18n(getLocale: () => Locale): void {
	setContext(KEY, getLocale);
}

/** `const i18n = useI18n();` then `{i18n.t('nav.data')}` in markup. */
export function useI18n(): I18n {
	const getLocale = getContext<(() => Locale) | undefined>(KEY) ?? (() => DEFAULT_LOCALE);
	return {
		get locale() {
			return getLocale();
		},
		t: (key, params) => translate(getLocale(), key, params)
	};
}
