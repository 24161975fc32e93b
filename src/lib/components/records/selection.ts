/**
 * A selection of records as the records API takes it (GET /api/records/TABLE): the page's period and
 * filters, the rules of a clicked figure and a sort; its URLs for a page of Arrow rows, an export and
 * the records view; and the decoding of the Arrow answer.
 */
import { DataType, tableFromIPC } from 'apache-arrow';
import type { FilterName } from '$lib/domain/metrics/query';
import { ruleParam, type RecordRule } from '$lib/domain/metrics/record-rules';

export const RECORD_TABLES = ['repairs', 'returns', 'complaints', 'surveys', 'sales'] as const;
export type RecordTable = (typeof RECORD_TABLES)[number];

export interface RecordSort {
	column: string;
	dir: 'asc' | 'desc';
}

export interface RecordQuery {
	table: string;
	from?: string;
	to?: string;
	filters: Partial<Record<FilterName, string[]>>;
	rules?: readonly RecordRule[];
	sort?: RecordSort;
}

type CellKind = 'text' | 'number' | 'time' | 'date' | 'bool';
export interface RecordColumn {
	name: string;
	kind: CellKind;
}
export type RecordRow = Record<string, unknown>;

/** The query string of a selection (without paging or format). */
export function selectionSearch(q: Omit<RecordQuery, 'table'>): URLSearchParams {
	const search = new URLSearchParams();
	if (q.from) search.set('from', q.from);
	if (q.to) search.set('to', q.to);
	for (const [name, values] of Object.entries(q.filters)) {
		for (const value of values ?? []) search.append(name, value);
	}
	for (const rule of q.rules ?? []) search.append('rule', ruleParam(rule));
	if (q.sort) {
		search.set('sort', q.sort.column);
		search.set('dir', q.sort.dir);
	}
	return search;
}

const apiPath = (table: string) => `/api/records/${encodeURIComponent(table)}`;

export function recordsUrl(q: RecordQuery, limit: number, offset: number): string {
	const search = selectionSearch(q);
	search.set('limit', String(limit));
	search.set('offset', String(offset));
	return `${apiPath(q.table)}?${search}`;
}

/** The whole selection as a file; `columns` (the ones shown) in the table's order. */
export function exportUrl(q: RecordQuery, format: 'csv' | 'xlsx', columns?: readonly string[]): string {
	const search = selectionSearch(q);
	search.set('format', format);
	if (columns?.length) search.set('columns', columns.join(','));
	return `${apiPath(q.table)}?${search}`;
}

/** The records view of a table with a period and filters (the analytics sections' "view records"). */
export function recordsViewUrl(table: string, q: Omit<RecordQuery, 'table' | 'sort'>): string {
	const search = selectionSearch(q).toString();
	return `/data/records/${encodeURIComponent(table)}${search ? `?${search}` : ''}`;
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
	const vectors = columns.map((c) => table.getChild(c.name)!);
	const rows: RecordRow[] = new Array(table.numRows);
	for (let i = 0; i < table.numRows; i++) {
		const plain: RecordRow = {};
		columns.forEach((c, j) => {
			const v = vectors[j].get(i);
			plain[c.name] = v instanceof Date ? v.getTime() : typeof v === 'bigint' ? Number(v) : (v ?? null);
		});
		rows[i] = plain;
	}
	return { columns, rows };
}
