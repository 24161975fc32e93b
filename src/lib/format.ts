import { intlLocale, translate, type Locale } from '$lib/i18n';

export function formatInt(locale: Locale, n: number): string {
	return new Intl.NumberFormat(intlLocale(locale)).format(n);
}

export function formatBytes(bytes: number): string {
	if (!Number.isFinite(bytes) || bytes < 0) return '';
	const units = ['B', 'KB', 'MB', 'GB', 'TB'];
	let value = bytes;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}
	return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export function formatDuration(ms: number): string {
	if (!Number.isFinite(ms) || ms < 0) return '';
	if (ms < 1000) return `${Math.round(ms)} ms`;
	const s = ms / 1000;
	if (s < 60) return `${s.toFixed(s < 10 ? 2 : 1)} s`;
	const m = Math.floor(s / 60);
	return `${m} min ${Math.round(s - m * 60)} s`;
}

/** The first 12 hex digits: enough to tell batches apart on screen; the full hash stays in the title. */
export function shortHash(sha256: string): string {
	return sha256.slice(0, 12);
}

/** A delimiter character in words (a tab or comma is invisible or ambiguous in a table cell). */
export function delimiterLabel(locale: Locale, delimiter: string | null): string {
	if (delimiter === null || delimiter === '') return '';
	const key = (
		{
			'\t': 'delimiter.tab',
			',': 'delimiter.comma',
			';': 'delimiter.semicolon',
			'|': 'delimiter.pipe'
		} as const
	)[delimiter];
	return key ? translate(locale, key) : delimiter;
}

/** Timestamps arrive as 'YYYY-MM-DD HH:MM:SS' wall-clock strings; show them without seconds noise. */
export function formatTimestamp(value: string): string {
	return value.replace('T', ' ').replace(/(\d{2}:\d{2}):\d{2}(\.\d+)?$/, '$1');
}
