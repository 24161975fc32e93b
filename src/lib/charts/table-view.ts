import { defectLabel, type DefectNames } from '$lib/domain/defect-codes';
import { formatValue, type ValueKind } from './format';

/**
 * A chart's numbers as a table (the "表格 Table" view of every metric card): one column per scalar
 * field of the metric's rows, its unit read from the column name, a defect code with its name.
 * Pure, so the card and its tests agree.
 */

export interface TableColumn {
	key: string;
	/** The column name with its unit, e.g. "share (%)". */
	label: string;
	kind: ValueKind | 'text';
}

const UNITS: Partial<Record<ValueKind, string>> = {
	share: '%',
	p: '%',
	per1000: '‰',
	money: '¥',
	hours: 'h',
	days: 'd'
};

/** The value kind of a numeric column, by the conventions of the metric row types. */
function kindOf(key: string, values: number[]): ValueKind {
	if (/(^|_)share$|_rate$|^rate$/.test(key)) return 'share';
	if (/^(p|ucl|lcl|center|ucl_laney|lcl_laney)$/.test(key)) return 'p';
	if (/per_1000$/.test(key)) return 'per1000';
	if (/cost|revenue|amount|total|^parts$|^labor$|^logistics$|^other$|compensation/.test(key)) return 'money';
	if (/hours$/.test(key)) return 'hours';
	if (/days$/.test(key)) return 'days';
	return values.every(Number.isInteger) ? 'count' : 'decimal';
}

/** The name fields shown inside the key column rather than beside it. */
const NAME_FIELDS = new Set(['name_zh', 'name_en']);

export function tableColumns(rows: readonly Record<string, unknown>[]): TableColumn[] {
	const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((key) => !NAME_FIELDS.has(key));
	return keys.flatMap((key): TableColumn[] => {
		const values = rows.map((r) => r[key]);
		if (values.some((v) => v !== null && typeof v === 'object')) return [];
		const numbers = values.filter((v): v is number => typeof v === 'number');
		if (numbers.length === 0 || values.some((v) => v !== null && typeof v !== 'number'))
			return [{ key, label: key, kind: 'text' }];
		const kind = kindOf(key, numbers);
		const unit = UNITS[kind];
		return [{ key, label: unit ? `${key} (${unit})` : key, kind }];
	});
}

/** A cell as text: numbers in the column's unit, a defect code with its dictionary name. */
export function cellText(row: Record<string, unknown>, column: TableColumn, locale: string): string {
	const value = row[column.key];
	if (column.kind !== 'text') return formatValue(value as number | null, column.kind, locale);
	if (value === null || value === undefined) return '—';
	if (column.key === 'key' && typeof value === 'string')
		return defectLabel(value, row as DefectNames, locale);
	return String(value);
}
