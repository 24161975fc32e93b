import {
	Dictionary,
	Int16,
	Int32,
	Int8,
	Utf8,
	makeData,
	makeVector,
	type Data,
	type Vector
} from 'apache-arrow';

interface TextColumn {
	/** Each value's length in bytes, -1 for NULL. */
	lengths: Int32Array;
	/**
	 * Dictionary-encoded (each distinct value sent once, indices as narrow as the dictionary allows)
	 * rather than plain Utf8 — unless its values turn out to be nearly all distinct (see dictionaryData).
	 */
	dictionary: boolean;
}

/**
 * Arrow vectors of text columns that DuckDB sent as one UTF-8 buffer — row 0's values in column
 * order, then row 1's, and so on — with each value's byte length. One buffer crosses from DuckDB
 * instead of a JS string per value, and no value is ever decoded: dictionaries are built on the bytes.
 */
export function textVectors(bytes: Uint8Array, columns: readonly TextColumn[]): Vector[] {
	const rows = columns[0]?.lengths.length ?? 0;
	// Each row's length, then where each row starts; then, column by column, where its value starts.
	const starts = new Int32Array(rows);
	for (const { lengths } of columns) addLengths(starts, lengths);
	let rowStart = 0;
	for (let row = 0; row < rows; row++) {
		const rowLength = starts[row];
		starts[row] = rowStart;
		rowStart += rowLength;
	}
	if (rowStart !== bytes.length) {
		throw new Error(`Text buffer of ${bytes.length} bytes for values of ${rowStart} bytes`);
	}
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	return columns.map(({ lengths, dictionary }) => {
		const encoded = dictionary ? dictionaryData(view, starts, lengths) : null;
		const vector: Vector = encoded ? makeVector(encoded) : makeVector(utf8Data(bytes, starts, lengths));
		addLengths(starts, lengths);
		return vector;
	});
}

function addLengths(starts: Int32Array, lengths: Int32Array): void {
	for (let i = 0; i < starts.length; i++) if (lengths[i] > 0) starts[i] += lengths[i];
}

/** The validity bitmap of values whose length is -1 for NULL (null when there is no NULL). */
function validity(lengths: Int32Array): { nullBitmap: Uint8Array | null; nullCount: number } {
	let nullBitmap: Uint8Array | null = null;
	let nullCount = 0;
	for (let i = 0; i < lengths.length; i++) {
		if (lengths[i] >= 0) continue;
		nullBitmap ??= new Uint8Array((lengths.length + 7) >> 3).fill(0xff);
		nullBitmap[i >> 3] &= ~(1 << (i & 7));
		nullCount++;
	}
	return { nullBitmap, nullCount };
}

/** The values at `starts`/`lengths` of `bytes`, copied into one Utf8 array. */
function utf8Data(bytes: Uint8Array, starts: Int32Array, lengths: Int32Array): Data<Utf8> {
	const valueOffsets = new Int32Array(lengths.length + 1);
	for (let i = 0; i < lengths.length; i++) valueOffsets[i + 1] = valueOffsets[i] + Math.max(lengths[i], 0);
	const data = new Uint8Array(valueOffsets[lengths.length]);
	const source = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const target = new DataView(data.buffer);
	for (let i = 0; i < lengths.length; i++) {
		// Values are short: four bytes at a time, then the rest, beats a subarray or a copy call per value.
		let from = starts[i];
		let to = valueOffsets[i];
		const end = valueOffsets[i + 1];
		for (; to + 4 <= end; from += 4, to += 4) target.setInt32(to, source.getInt32(from));
		while (to < end) data[to++] = bytes[from++];
	}
	return makeData({ type: new Utf8(), length: lengths.length, ...validity(lengths), valueOffsets, data });
}

/** From this many values on, a column that is still nearly all distinct values is sent plain. */
const DISTINCT_CHECK_FROM = 1024;

/**
 * Dictionary-encodes the values by their bytes: equal byte sequences share an index, numbered in
 * order of first appearance (as apache-arrow's own builder numbers them). An open-addressing table
 * keyed by a hash of the bytes, read four at a time; it grows with the number of distinct values.
 * Null when, at 1024, 2048, 4096… values, more than 90% of them are distinct (IDs, serial numbers,
 * free text): a dictionary would then be as large as the values and cost time to build.
 */
function dictionaryData(view: DataView, starts: Int32Array, lengths: Int32Array): Data<Dictionary> | null {
	const indices = new Int32Array(lengths.length);
	const entries = new Entries();
	let slots: Int32Array = new Int32Array(64); // index + 1, or 0 when free
	let values = 0;
	let nextCheck = DISTINCT_CHECK_FROM;
	for (let row = 0; row < lengths.length; row++) {
		const start = starts[row];
		const length = lengths[row];
		if (length < 0) continue;
		const hash = hashBytes(view, start, length);
		for (let slot = hash & (slots.length - 1); ; slot = (slot + 1) & (slots.length - 1)) {
			const index = slots[slot] - 1;
			if (index < 0) {
				indices[row] = entries.count;
				slots[slot] = entries.add(start, length, hash);
				if (entries.count * 2 > slots.length) slots = entries.slots(slots.length * 2);
				break;
			}
			if (
				entries.hashes[index] === hash &&
				entries.lengths[index] === length &&
				sameBytes(view, entries.starts[index], start, length)
			) {
				indices[row] = index;
				break;
			}
		}
		if (++values === nextCheck) {
			if (entries.count * 10 > values * 9) return null;
			nextCheck *= 2;
		}
	}
	const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
	const dictionary = utf8Data(
		bytes,
		entries.starts.subarray(0, entries.count),
		entries.lengths.subarray(0, entries.count)
	);
	const { type, data } = narrowIndices(indices, entries.count);
	return makeData({
		type: new Dictionary(new Utf8(), type),
		length: lengths.length,
		...validity(lengths),
		data,
		dictionary: makeVector(dictionary)
	});
}

/** The narrowest signed integer type (as Arrow's dictionary indices are) that numbers `count` values. */
function narrowIndices(
	indices: Int32Array,
	count: number
): { type: Int8 | Int16 | Int32; data: Int8Array | Int16Array | Int32Array } {
	if (count <= 1 << 7) return { type: new Int8(), data: new Int8Array(indices) };
	if (count <= 1 << 15) return { type: new Int16(), data: new Int16Array(indices) };
	return { type: new Int32(), data: indices };
}

/** A dictionary's distinct values so far: where each is in the buffer, and its hash. */
class Entries {
	count = 0;
	starts: Int32Array = new Int32Array(64);
	lengths: Int32Array = new Int32Array(64);
	hashes: Int32Array = new Int32Array(64);

	/** Adds a value; returns its slot content (index + 1). */
	add(start: number, length: number, hash: number): number {
		if (this.count === this.starts.length) {
			this.starts = grown(this.starts);
			this.lengths = grown(this.lengths);
			this.hashes = grown(this.hashes);
		}
		this.starts[this.count] = start;
		this.lengths[this.count] = length;
		this.hashes[this.count] = hash;
		return ++this.count;
	}

	/** A hash table of `size` slots holding every entry. */
	slots(size: number): Int32Array {
		const slots = new Int32Array(size);
		for (let index = 0; index < this.count; index++) {
			let slot = this.hashes[index] & (size - 1);
			while (slots[slot] !== 0) slot = (slot + 1) & (size - 1);
			slots[slot] = index + 1;
		}
		return slots;
	}
}

function grown(array: Int32Array): Int32Array {
	const bigger = new Int32Array(array.length * 2);
	bigger.set(array);
	return bigger;
}

function hashBytes(view: DataView, start: number, length: number): number {
	const end = start + length;
	let hash = length;
	let i = start;
	for (; i + 4 <= end; i += 4) hash = Math.imul(hash ^ view.getInt32(i, true), 0x9e3779b1);
	for (; i < end; i++) hash = Math.imul(hash ^ view.getUint8(i), 0x01000193);
	return hash ^ (hash >>> 16);
}

function sameBytes(view: DataView, a: number, b: number, length: number): boolean {
	let i = 0;
	for (; i + 4 <= length; i += 4) if (view.getInt32(a + i, true) !== view.getInt32(b + i, true)) return false;
	for (; i < length; i++) if (view.getUint8(a + i) !== view.getUint8(b + i)) return false;
	return true;
}
