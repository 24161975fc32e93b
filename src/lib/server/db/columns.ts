import {
	DuckDBTypeId,
	type DuckDBBlobVector,
	type DuckDBDataChunk,
	type DuckDBType,
	type DuckDBValue,
	type DuckDBVector
} from '@duckdb/node-api';

/**
 * A result column of `length` rows as a typed array, in Arrow's buffer layout: `valid` is the validity
 * bitmap (bit i set = row i is not NULL; null when the column has no NULL) and a NULL's slot holds 0
 * (an empty array for blobs). Bools are bit-packed like Arrow's.
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
	| Typed<'blob', Uint8Array[]>;

/** The column, checked to be of the type its SQL was written to return. */
export function ofType<T extends Column['type']>(column: Column, type: T): Extract<Column, { type: T }> {
	if (column.type !== type) throw new Error(`Expected a ${type} column, got ${column.type}`);
	return column as Extract<Column, { type: T }>;
}

/**
 * Reads a materialized result's chunks column by column into typed arrays: no per-value JS object
 * is kept (DuckDB's value classes would cost more than the query for 100k-row results). Other
 * column types must be cast in SQL to one of INTEGER, BIGINT, DOUBLE, BOOLEAN or BLOB.
 */
export function readColumns(types: readonly DuckDBType[], chunks: readonly DuckDBDataChunk[]): Column[] {
	const length = chunks.reduce((sum, chunk) => sum + chunk.rowCount, 0);
	return types.map((type, index): Column => {
		const vectors = chunks.map((chunk) => chunk.getColumnVector(index));
		switch (type.typeId) {
			case DuckDBTypeId.INTEGER: {
				const values = new Int32Array(length);
				return { type: 'int32', length, values, ...readValues<number>(vectors, values) };
			}
			case DuckDBTypeId.BIGINT: {
				const values = new BigInt64Array(length);
				return { type: 'int64', length, values, ...readValues<bigint>(vectors, values) };
			}
			case DuckDBTypeId.DOUBLE: {
				const values = new Float64Array(length);
				return { type: 'float64', length, values, ...readValues<number>(vectors, values) };
			}
			case DuckDBTypeId.BOOLEAN: {
				// Read as bytes (a typed array stores true as 1), then packed into bits.
				const bytes = new Uint8Array(length);
				const nulls = readValues<boolean>(vectors, bytes as unknown as Slots<boolean>);
				return { type: 'bool', length, values: packBits(bytes), ...nulls };
			}
			case DuckDBTypeId.BLOB: {
				const values: Uint8Array[] = [];
				return { type: 'blob', length, values, ...readBlobs(vectors as DuckDBBlobVector[], values) };
			}
			default:
				throw new Error(
					`readColumns: cast column ${index + 1} (${type}) to INTEGER, BIGINT, DOUBLE, BOOLEAN or BLOB`
				);
		}
	});
}

type Validity = { valid: Uint8Array | null; nullCount: number };
type Slots<V> = { [row: number]: V; length: number };

/** Copies the vectors' values into `values`, one row after the other; a NULL leaves its 0. */
function readValues<V extends DuckDBValue>(vectors: readonly DuckDBVector[], values: Slots<V>): Validity {
	const nulls = new Nulls(values.length);
	let row = 0;
	for (const vector of vectors as DuckDBVector<V>[]) {
		for (let i = 0; i < vector.itemCount; i++, row++) {
			const value = vector.getItem(i);
			if (value === null) nulls.add(row);
			else values[row] = value;
		}
	}
	return nulls.result();
}

function readBlobs(vectors: readonly DuckDBBlobVector[], values: Uint8Array[]): Validity {
	const nulls = new Nulls(vectors.reduce((sum, vector) => sum + vector.itemCount, 0));
	for (const vector of vectors) {
		for (let i = 0; i < vector.itemCount; i++) {
			const bytes = vector.getItemBytes(i);
			if (bytes === null) nulls.add(values.length);
			// A value of up to 12 bytes is a view of DuckDB's memory, freed with the chunk: copied.
			// A longer one is already a copy (see getItemBytes).
			values.push(bytes === null ? new Uint8Array(0) : bytes.length <= 12 ? bytes.slice() : bytes);
		}
	}
	return nulls.result();
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
