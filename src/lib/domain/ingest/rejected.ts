import { rejectReason, type Locale } from '$lib/i18n';

export interface RejectError {
	field: string;
	column?: string;
	reason: string;
	value: string | null;
}

/**
 * One problem of a rejected row in words: "报修时间: 日期时间无法识别 (2025/13/45)". The stored JSON
 * names the column `col` (RejectedRow's type says `column`): both are accepted.
 */
export function describeRejectError(locale: Locale, error: RejectError): string {
	const column = error.column ?? (error as { col?: string }).col ?? error.field;
	const value = error.value ? ` (${error.value})` : '';
	return `${column}: ${rejectReason(locale, error.reason)}${value}`;
}
