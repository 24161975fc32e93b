/**
 * Which columns a records table shows: the user's choice per table (kept in localStorage), else the
 * ones worth reading first; and how a cell reads.
 */
import { formatValue } from '$lib/charts/format';
import type { RecordColumn, RecordRow } from './selection';

/** The dictionary's name of a record's defect code: read inside the code's cell, not a column. */
const DEFECT_NAME = 'defect_name';

/** The columns a table offers to show and choose. */
export const gridColumns = (columns: readonly RecordColumn[]): RecordColumn[] =>
	columns.filter((c) => c.name !== DEFECT_NAME);

/** The columns shown before the user chooses; a table not listed shows all but extra and batch_id. */
const DEFAULT_COLUMNS: Record<string, string[]> = {
	repairs: [
		'repair_id',
		'received_at',
		'product_model',
		'category',
		'defect_code',
		'defect_category',
		'symptom',
		'region',
		'service_center',
		'supplier',
		'sold_at',
		'completed_at',
		'status',
		'parts_cost',
		'labor_cost',
		'logistics_cost',
		'other_cost'
	],
	returns: [
		'return_id',
		'requested_at',
		'product_model',
		'return_type',
		'reason',
		'quantity',
		'amount',
		'channel',
		'region',
		'supplier',
		'counter_done_at',
		'inspected_at',
		'closed_at'
	],
	complaints: [
		'complaint_id',
		'received_at',
		'channel',
		'category',
		'severity',
		'product_model',
		'supplier',
		'region',
		'first_response_at',
		'resolved_at',
		'status',
		'description'
	]
};

const storageKey = (table: string) => `workbench.records.columns.${table}`;

/** The names shown of `available`: the stored choice (those still present), else the defaults. */
export function shownColumns(table: string, available: readonly RecordColumn[]): string[] {
	const names = available.map((c) => c.name);
	let stored: unknown = null;
	try {
		stored = JSON.parse(globalThis.localStorage?.getItem(storageKey(table)) ?? 'null');
	} catch {
		// A damaged entry is as good as none: the defaults.
	}
	if (Array.isArray(stored)) {
		const kept = names.filter((n) => stored.includes(n));
		if (kept.length) return kept;
	}
	const preferred = DEFAULT_COLUMNS[table];
	if (preferred) return names.filter((n) => preferred.includes(n));
	return names.filter((n) => n !== 'extra' && n !== 'batch_id');
}

export function rememberColumns(table: string, names: readonly string[]): void {
	globalThis.localStorage?.setItem(storageKey(table), JSON.stringify(names));
}

function cellText(
	column: RecordColumn,
	value: unknown,
	words: { yes: string; no: string; locale: string }
): string {
	if (value === null || value === undefined || value === '') return '';
	switch (column.kind) {
		case 'time':
			return new Date(Number(value)).toISOString().slice(0, 16).replace('T', ' ');
		case 'date':
			return new Date(Number(value)).toISOString().slice(0, 10);
		case 'bool':
			return value ? words.yes : words.no;
		case 'number':
			return /_cost$|^amount$|^compensation$|^revenue$/.test(column.name)
				? formatValue(Number(value), 'money', words.locale)
				: String(value);
		default:
			return String(value);
	}
}

/** A row's cell as read: the defect code with its name from the dictionary ("E5 压缩机异响"). */
export function rowCellText(
	column: RecordColumn,
	row: RecordRow,
	words: { yes: string; no: string; locale: string }
): string {
	const text = cellText(column, row[column.name], words);
	const name = column.name === 'defect_code' ? row[DEFECT_NAME] : null;
	return text && typeof name === 'string' && name ? `${text} ${name}` : text;
}
