import { formatChange, formatValue, MISSING } from '$lib/charts/format';
import type { Translate } from '$lib/i18n';
import type { Cell, CellKind, ReportColumn } from './document';

/** A cell as text in the report's language: numbers in the app's formats, null as a dash. */
export function cellText(value: Cell, kind: CellKind | undefined, locale: string, t: Translate): string {
	if (value === null) return MISSING;
	if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
	if (typeof value !== 'number' || !kind || kind === 'text' || kind === 'date') return String(value);
	return kind === 'change' ? formatChange(value, locale) : formatValue(value, kind, locale);
}

export const isNumeric = (column: ReportColumn) =>
	column.kindFrom !== undefined ||
	(column.kind !== undefined && column.kind !== 'text' && column.kind !== 'date');

/** The kind of one cell: the column's, or the one its row names. */
export function kindOf(column: ReportColumn, row: Record<string, Cell>): CellKind | undefined {
	return column.kindFrom ? ((row[column.kindFrom] as CellKind | null) ?? undefined) : column.kind;
}
