import { DuckDBTypeId, type DuckDBDataChunk, type DuckDBType } from '@duckdb/node-api';
import duckdb from '@duckdb/node-bindings';

/**
 * A result column of `length` rows as a typed array, in Arrow's buffer layout: `valid` is the validity
 * bitmap (bit i set = row i is not NULL; null when the column has no NULL) and a NULL's slot holds 0.
 * Bools are bit-packed like Arrow's. Text is every value's UTF-8 bytes, one after the other, with
 * each value's byte length (0 for NULL).
 */
interface Typed<T extends string, V> {
	type: T;
	length: number;
	values: V;
	valid: Uint8Array | null;
	nullCount: number;
}

export type Column =
	| Typed<'int32', Int32Array>
	| Typed<'int64', BigInt64Array>
	| Typed<'float64', Float64Array>
	| Typed<'bool', Uint8Array>
	| (Typed<'text', Uint8Array> & { lengths: Int32Array });

/** The column, checked to be of the type its SQL was written to return. */
export function ofType<T extends Column['type']>(column: Column, type: T): Extract<Column, { type: T }> {
	if (column.type !== type) throw new Error(`Expected a ${type} column, got ${column.type}`);
	return column as Extract<Column, { type: T }>;
}

/**
 * Reads a materialized result's chunks column by column into typed arrays. Fixed-width values are
 * copied straight out of DuckDB's vector memory (one copy per chunk, not one JS value per cell: the
 * value classes cost more than the query for 100k-row results); text is copied a run of values at a
 * time (see readText). Other column types must be cast in SQL to one of INTEGER, BIGINT, DOUBLE,
 * BOOLEAN or VARCHAR.
 */
export function readColumns(types: readonly DuckDBType[], chunks: readonly DuckDBDataChunk[]): Column[] {
	const length = chunks.reduce((sum, chunk) => sum + chunk.rowCount, 0);
	return types.map((type, index): Column => {
		switch (type.typeId) {
			case DuckDBTypeId.INTEGER: {
				const values = new Int32Array(length);
				return { type: 'int32', length, values, ...readFixed(chunks, index, values) };
			}
			case DuckDBTypeId.BIGINT: {
				const values = new BigInt64Array(length);
				return { type: 'int64', length, values, ...readFixed(chunks, index, values) };
			}
			case DuckDBTypeId.DOUBLE: {
				const values = new Float64Array(length);
				return { type: 'float64', length, values, ...readFixed(chunks, index, values) };
			}
			case DuckDBTypeId.BOOLEAN: {
				// One byte per value (0 or 1) in DuckDB, packed into bits like Arrow's.
				const bytes = new Uint8Array(length);
				const nulls = readFixed(chunks, index, bytes);
				return { type: 'bool', length, values: packBits(bytes), ...nulls };
			}
			case DuckDBTypeId.VARCHAR:
				return { type: 'text', length, ...readText(chunks, index, length) };
			default:
				throw new Error(
					`readColumns: cast column ${index + 1} (${type}) to INTEGER, BIGINT, DOUBLE, BOOLEAN or VARCHAR`
				);
		}
	});
}

type Validity = { valid: Uint8Array | null; nullCount: number };

/**
 * Copies column `index` of every chunk into `values`, one chunk after the other, and zeroes the slots
 * of NULLs (DuckDB leaves whatever was there). Result chunks hold flat vectors: a value array and a
 * validity bitmask of 64-bit words, absent when no value is NULL.
 */
function readFixed(
	chunks: readonly DuckDBDataChunk[],
	index: number,
	values: Int32Array | BigInt64Array | Float64Array | Uint8Array
): Validity {
	const width = values.BYTES_PER_ELEMENT;
	const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
	const nulls = new Nulls(values.length);
	let row = 0;
	for (const chunk of chunks) {
		const count = chunk.rowCount;
		const vector = duckdb.data_chunk_get_vector(chunk.chunk, index);
		bytes.set(duckdb.vector_get_data(vector, count * width), row * width);
		const validity = duckdb.vector_get_validity(vector, Math.ceil(count / 64) * 8);
		if (validity) {
			for (let i = 0; i < count; i++) {
				if (validity[i >> 3] === 0xff) {
					i |= 7;
					continue;
				}
				if ((validity[i >> 3] >> (i & 7)) & 1) continue;
				nulls.add(row + i);
				bytes.fill(0, (row + i) * width, (row + i + 1) * width);
			}
		}
		row += count;
	}
	return nulls.result();
}

/** Bytes of a duckdb_string_t (duckdb.h): a 4-byte length, then up to 12 bytes inline or a pointer at 8. */
const STRING_T = 16;
const INLINE_MAX = 12;

/**
 * Copies a VARCHAR column into one buffer. A value of up to 12 bytes sits inside its duckdb_string_t;
 * a longer one is behind its pointer, and fetching it costs a call into the native binding. Strings
 * that a query builds lie back to back in DuckDB's memory, so values are fetched a run at a time:
 * a run grows only while the next value starts exactly where the previous one ended, so no byte
 * outside the values is ever read (a value elsewhere starts a new run).
 */
function readText(
	chunks: readonly DuckDBDataChunk[],
	index: number,
	length: number
): Validity & { values: Uint8Array; lengths: Int32Array } {
	const lengths = new Int32Array(length);
	const nulls = new Nulls(length);
	const vectors: { strings: Uint8Array; view: DataView; first: number; count: number }[] = [];
	let total = 0;
	let row = 0;
	for (const chunk of chunks) {
		const count = chunk.rowCount;
		const vector = duckdb.data_chunk_get_vector(chunk.chunk, index);
		const strings = duckdb.vector_get_data(vector, count * STRING_T);
		const validity = duckdb.vector_get_validity(vector, Math.ceil(count / 64) * 8);
		const view = new DataView(strings.buffer, strings.byteOffset, strings.byteLength);
		for (let i = 0; i < count; i++) {
			if (validity && !((validity[i >> 3] >> (i & 7)) & 1)) nulls.add(row + i);
			else total += lengths[row + i] = view.getUint32(i * STRING_T, true);
		}
		vectors.push({ strings, view, first: row, count });
		row += count;
	}
	const values = new Uint8Array(total);
	let at = 0;
	for (const { strings, view, first, count } of vectors) {
		let runFrom = -1; // offset in `strings` of the run's first pointer
		let runBytes = 0;
		let runEnd = 0; // address where the run's last value ends
		const flush = () => {
			if (runBytes === 0) return;
			values.set(duckdb.get_data_from_pointer(strings.buffer as ArrayBuffer, runFrom, runBytes), at);
			at += runBytes;
			runBytes = 0;
		};
		for (let i = 0; i < count; i++) {
			const bytes = lengths[first + i];
			if (bytes === 0) continue;
			const slot = strings.byteOffset + i * STRING_T;
			if (bytes <= INLINE_MAX) {
				flush();
				for (let from = i * STRING_T + 4, end = from + bytes; from < end;) values[at++] = strings[from++];
				continue;
			}
			// Addresses are below 2^53 (user space is 47 bits), so a number holds them exactly.
			const address =
				view.getUint32(i * STRING_T + 12, true) * 2 ** 32 + view.getUint32(i * STRING_T + 8, true);
			if (runBytes > 0 && address === runEnd) {
				runBytes += bytes;
			} else {
				flush();
				runFrom = slot + 8;
				runBytes = bytes;
			}
			runEnd = address + bytes;
		}
		flush();
	}
	return { values, lengths, ...nulls.result() };
}

function packBits(bytes: Uint8Array): Uint8Array {
	const bits = new Uint8Array((bytes.length + 7) >> 3);
	for (let i = 0; i < bytes.length; i++) bits[i >> 3] |= bytes[i] << (i & 7);
	return bits;
}

/** The validity bitmap of a column, allocated at its first NULL. */
class Nulls {
	private valid: Uint8Array | null = null;
	private count = 0;

	constructor(private readonly rows: number) {}

	add(row: number): void {
		this.valid ??= new Uint8Array((this.rows + 7) >> 3).fill(0xff);
		this.valid[row >> 3] &= ~(1 << (row & 7));
		this.count++;
	}

	result(): Validity {
		return { valid: this.valid, nullCount: this.count };
	}
}
