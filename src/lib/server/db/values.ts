import {
	DuckDBDateValue,
	DuckDBDecimalValue,
	DuckDBListValue,
	DuckDBStructValue,
	DuckDBTimestampValue,
	type DuckDBValue
} from '@duckdb/node-api';

/** A value callers outside server/db may hold: DuckDB's own value classes never leave this folder. */
export type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };
export type PlainRow = Record<string, Plain>;

function toPlain(value: DuckDBValue): Plain {
	if (value === null || value === undefined) return null;
	if (typeof value === 'bigint') return Number(value);
	if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
	if (value instanceof DuckDBDecimalValue) return value.toDouble();
	if (value instanceof DuckDBDateValue) return value.toString();
	if (value instanceof DuckDBTimestampValue) return value.toString().replace(/\.\d+$/, '');
	if (value instanceof DuckDBListValue) return value.items.map(toPlain);
	if (value instanceof DuckDBStructValue) {
		const out: Record<string, Plain> = {};
		for (const [k, v] of Object.entries(value.entries)) out[k] = toPlain(v);
		return out;
	}
	return String(value);
}

export function toPlainRow(row: Record<string, DuckDBValue>): PlainRow {
	const out: PlainRow = {};
	for (const [k, v] of Object.entries(row)) out[k] = toPlain(v);
	return out;
}
