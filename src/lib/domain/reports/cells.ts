import { formatChange, formatValue, MISSING, type ValueKind } from '$lib/charts/format';
import { changeText, type ChangeKind } from '$lib/domain/metrics/overview';
import type { Translate } from '$lib/i18n';
import type { Cell, CellKind, PointsKind, ReportColumn } from './document';

/** The cell kind of a headline figure's change, by how it is measured and the kind of its values. */
export const changeCellKind = (change: ChangeKind, kind: ValueKind): CellKind =>
	change === 'relative' ? 'change' : `points:${kind}`;

export const isPointsKind = (kind: CellKind): kind is PointsKind => kind.startsWith('points:');

/** The kind of the values whose difference a `points:` cell holds. */
export const pointsValueKind = (kind: PointsKind) => kind.slice('points:'.length) as ValueKind;

/** A cell as text in the report's language: numbers in the app's formats, null as a dash. */
export function cellText(value: Cell, kind: CellKind | undefined, locale: string, t: Translate): string {
	if (value === null) return MISSING;
	if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
	if (typeof value !== 'number' || !kind || kind === 'text' || kind === 'date') return String(value);
	if (kind === 'change') return formatChange(value, locale);
	if (isPointsKind(kind)) return changeText(value, 'points', pointsValueKind(kind), locale, t);
	return formatValue(value, kind, locale);
}

export const isNumeric = (column: ReportColumn) =>
	column.kindFrom !== undefined ||
	(column.kind !== undefined && column.kind !== 'text' && column.kind !== 'date');

/** The kind of one cell: the column's, or the one its row names. */
export function kindOf(column: ReportColumn, row: Record<string, Cell>): CellKind | undefined {
	return column.kindFrom ? ((row[column.kindFrom] as CellKind | null) ?? undefined) : column.kind;
}
