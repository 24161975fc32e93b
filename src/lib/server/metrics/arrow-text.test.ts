import { DataType, Table, tableFromIPC, tableToIPC, type Dictionary } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { textVectors } from './arrow-text';

/** The buffer and byte lengths DuckDB sends for these rows of text columns (null for NULL). */
function encode(rows: (string | null)[][]): { bytes: Uint8Array; lengths: Int32Array[] } {
	const encoder = new TextEncoder();
	const parts = rows.map((row) => row.map((value) => encoder.encode(value ?? '')));
	const bytes = new Uint8Array(parts.flat().reduce((sum, part) => sum + part.length, 0));
	let at = 0;
	for (const part of parts.flat()) {
		bytes.set(part, at);
		at += part.length;
	}
	const lengths = (rows[0] ?? []).map(
		(_, column) => new Int32Array(rows.map((row, i) => (row[column] === null ? -1 : parts[i][column].length)))
	);
	return { bytes, lengths };
}

/** The columns' values after an Arrow IPC round trip, as the browser reads them. */
function roundTrip(rows: (string | null)[][], dictionary: boolean[]): { values: unknown[][]; table: Table } {
	const { bytes, lengths } = encode(rows);
	const vectors = textVectors(
		bytes,
		lengths.map((l, i) => ({ lengths: l, dictionary: dictionary[i] }))
	);
	const table = tableFromIPC(tableToIPC(new Table(Object.fromEntries(vectors.map((v, i) => [`c${i}`, v])))));
	return { values: table.toArray().map((row) => Object.values(row.toJSON())), table };
}

describe('text columns from one UTF-8 buffer', () => {
	it('keeps every value, NULLs apart from empty strings, with a dictionary in first-seen order', () => {
		const rows = [
			['北京"朝阳"', 'x', null],
			['ab', '', '{"a":1}'],
			['abc', null, ''],
			['ab', 'x', null],
			['', '', '😀'],
			[null, 'x', '{"a":1}']
		];
		const { values, table } = roundTrip(rows, [true, true, false]);
		expect(values).toEqual(rows);
		expect(DataType.isDictionary(table.schema.fields[0].type)).toBe(true);
		expect(DataType.isUtf8(table.schema.fields[2].type)).toBe(true);
		const dictionary = table.getChild('c0')!.data[0].dictionary!;
		expect(dictionary.toArray()).toEqual(['北京"朝阳"', 'ab', 'abc', '']);
		expect(table.getChild('c1')!.data[0].dictionary!.toArray()).toEqual(['x', '']);
		expect(table.getChild('c1')!.nullCount).toBe(1);
	});

	it('grows its table past many distinct values without mixing them up, with indices as narrow as it allows', () => {
		const rows = Array.from({ length: 5000 }, (_, i) => [`value-${(i >> 1) % 1500}`, `v${i % 100}`]);
		const { values, table } = roundTrip(rows, [true, true]);
		expect(values).toEqual(rows);
		const [many, few] = table.schema.fields.map((f) => f.type as Dictionary);
		expect(table.getChild('c0')!.data[0].dictionary!.length).toBe(1500);
		expect(DataType.isInt(many.indices) && many.indices.bitWidth).toBe(16);
		expect(table.getChild('c1')!.data[0].dictionary!.length).toBe(100);
		expect(DataType.isInt(few.indices) && few.indices.bitWidth).toBe(8);
	});

	it('sends a column of nearly all distinct values plain, however it was asked for', () => {
		// 1024 values of which 921 (up to 90%) are distinct stay a dictionary; 922 (over 90%) do not.
		const column = (distinct: number) => Array.from({ length: 1024 }, (_, i) => `id-${i < distinct ? i : 0}`);
		const [ninety, over] = [column(921), column(922)];
		const { values, table } = roundTrip(
			ninety.map((v, i) => [v, over[i]]),
			[true, true]
		);
		expect(values).toEqual(ninety.map((v, i) => [v, over[i]]));
		expect(DataType.isDictionary(table.schema.fields[0].type)).toBe(true);
		expect(DataType.isUtf8(table.schema.fields[1].type)).toBe(true);
	});

	it('has no rows for no rows, and refuses a buffer that does not match the lengths', () => {
		const [empty] = textVectors(new Uint8Array(0), [{ lengths: new Int32Array(0), dictionary: true }]);
		expect(empty.length).toBe(0);
		const { bytes, lengths } = encode([['abc']]);
		expect(() => textVectors(bytes.subarray(1), [{ lengths: lengths[0], dictionary: true }])).toThrow(
			/Text buffer/
		);
	});
});
