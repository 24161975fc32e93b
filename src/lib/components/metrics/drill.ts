/**
 * Drill-down helpers without state: the records request a click asks for, its URL, and the decoding
 * of the Arrow IPC answer. The stateful part (the page's Drill) is in drill.svelte.ts.
 */
import { DataType, tableFromIPC } from 'apache-arrow';
import { KIND_DEFS, KINDS } from '$lib/domain/records';
import {
	FILTER_NAMES,
	filterColumn,
	filterFits,
	type FilterName,
	type MetricQuery
} from '$lib/domain/metrics/query';

export const PAGE_SIZE = 100;

type CellKind = 'text' | 'number' | 'time' | 'date' | 'bool';
export interface RecordColumn {
	name: string;
	kind: CellKind;
}
export type RecordRow = Record<string, unknown>;

export interface DrillRequest {
	/** Which chart asked (the page shows the table below that chart). */
	source: string;
	/** Canonical table: repairs, returns, complaints, surveys, sales. */
	table: string;
	/** What was clicked, shown as the table's caption. */
	label: string;
	from?: string;
	to?: string;
	filters: Partial<Record<FilterName, string[]>>;
	/**
	 * The clicked bar is the blank value of this column: no filter value selects "empty", so the page
	 * shows a note instead of records.
	 */
	blank?: string;
}

/**
 * The records behind a bar of a chart grouped by `column` (Pareto, cost drivers): the bar's key as one
 * more filter, or a blank request when the key is empty. Every grouping dimension is a filter column.
 */
export function barRequest(
	base: Omit<DrillRequest, 'filters' | 'blank'>,
	filters: DrillRequest['filters'],
	column: string,
	key: string | null
): DrillRequest {
	if (key === null || key === '') return { ...base, filters, blank: column };
	const name = FILTER_NAMES.find((f) => filterColumn(f) === column);
	if (!name) throw new Error(`No records filter for the column "${column}"`);
	return { ...base, filters: { ...filters, [name]: [key] } };
}

/** "YYYY-MM" → the first and last day of the month, clipped to the page's period. */
export function monthRange(
	month: string,
	query: Pick<MetricQuery, 'from' | 'to'>
): { from: string; to: string } {
	const [y, m] = month.split('-').map(Number);
	const first = `${month}-01`;
	const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
	return {
		from: query.from && query.from > first ? query.from : first,
		to: query.to && query.to < last ? query.to : last
	};
}

export function recordsUrl(request: DrillRequest, limit: number, offset: number): string {
	const search = new URLSearchParams();
	if (request.from) search.set('from', request.from);
	if (request.to) search.set('to', request.to);
	for (const [name, values] of Object.entries(request.filters)) {
		for (const value of values ?? []) search.append(name, value);
	}
	search.set('limit', String(limit));
	search.set('offset', String(offset));
	return `/api/records/${encodeURIComponent(request.table)}?${search}`;
}

function cellKind(type: DataType): CellKind {
	if (DataType.isTimestamp(type)) return 'time';
	if (DataType.isDate(type)) return 'date';
	if (DataType.isBool(type)) return 'bool';
	if (DataType.isInt(type) || DataType.isFloat(type) || DataType.isDecimal(type)) return 'number';
	return 'text';
}

/** An Arrow IPC stream → columns and plain rows (times as epoch milliseconds). */
export function decodeRecords(bytes: Uint8Array): { columns: RecordColumn[]; rows: RecordRow[] } {
	const table = tableFromIPC(bytes);
	const columns = table.schema.fields.map((f) => ({ name: f.name, kind: cellKind(f.type) }));
	const rows: RecordRow[] = [];
	for (const row of table) {
		const plain: RecordRow = {};
		for (const c of columns) {
			const v = (row as unknown as Record<string, unknown>)[c.name];
			plain[c.name] = v instanceof Date ? v.getTime() : typeof v === 'bigint' ? Number(v) : (v ?? null);
		}
		rows.push(plain);
	}
	return { columns, rows };
}

/** The page's filters that the records API accepts for a table (the others cannot narrow its records). */
export function recordFilters(
	table: string,
	filters: Partial<Record<FilterName, string[]>>
): Partial<Record<FilterName, string[]>> {
	const kind = KINDS.find((k) => KIND_DEFS[k].table === table);
	if (!kind) return {};
	const names = new Set(KIND_DEFS[kind].fields.map((f) => f.name));
	return Object.fromEntries(
		Object.entries(filters).filter(([name]) => filterFits(name as FilterName, table, names))
	);
}
