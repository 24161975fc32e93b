import { translate, type Locale, type MessageKey, type Params } from '$lib/i18n';

/**
 * An error a user may see. It carries a message key and its parameters, not text: the edge that knows
 * the user's language (an HTTP response, a CLI line, a page) translates it, so the web, the CLI and the
 * reports say the same thing in the same words.
 */
export class UserError extends Error {
	constructor(
		readonly key: MessageKey,
		readonly params: Params = {},
		/** Machine-readable extras sent beside the message (e.g. the rows or issues concerned). */
		readonly details?: Record<string, unknown>
	) {
		super(bothLanguages(key, params));
		this.name = new.target.name;
	}

	/** The message in one language. */
	in(locale: Locale): string {
		return translate(locale, this.key, this.params);
	}
}

/** A refusal the API answers with a status of its own (404 unknown, 409 conflict, 413 too large…). */
export class StatusError extends UserError {
	constructor(
		readonly status: number,
		key: MessageKey,
		params: Params = {},
		details?: Record<string, unknown>
	) {
		super(key, params, details);
	}
}

/** "中文 / English": what a message says where the reader's language is unknown (CLI, logs). */
export function bothLanguages(key: MessageKey, params?: Params): string {
	const zh = translate('zh-CN', key, params);
	const en = translate('en', key, params);
	if (zh === en) return zh;
	// a full-width stop already carries its own space
	return /[。！？]$/.test(zh) ? `${zh}/ ${en}` : `${zh} / ${en}`;
}
