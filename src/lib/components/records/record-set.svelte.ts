/**
 * The records of one selection as a scrolling table needs them: the count and the columns from the
 * first request, then blocks of CHUNK rows fetched as they scroll into view (a table of 100k records
 * holds only the blocks seen). A new selection or sort drops the blocks.
 */
import { fetchRecords } from '$lib/client/records';
import {
	decodeRecords,
	recordsUrl,
	type RecordColumn,
	type RecordQuery,
	type RecordRow,
	type RecordSort
} from './selection';

export const CHUNK = 500;

export class RecordSet {
	query: RecordQuery | null = $state.raw(null);
	count: number | null = $state(null);
	columns: RecordColumn[] = $state.raw([]);
	/** Bumped when a block arrives, so rows read through rowAt() are read again. */
	version = $state(0);
	loading = $state(false);
	error: string | null = $state(null);
	// Not reactive on purpose: `version` tells readers a block arrived.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#chunks = new Map<number, RecordRow[] | Promise<void>>();
	#seq = 0;

	/** Starts on a selection (null: none); resolves once its first rows and count are in. */
	async open(query: RecordQuery | null): Promise<void> {
		this.#seq++;
		this.#chunks.clear();
		this.query = query;
		this.count = null;
		this.columns = [];
		this.error = null;
		this.loading = false;
		this.version++;
		if (query) await this.#load(0);
	}

	sortBy(sort: RecordSort | undefined): Promise<void> {
		return this.open(this.query && { ...this.query, sort });
	}

	/** The row at `index`, or undefined while its block is not in (ensure() fetches it). */
	rowAt(index: number): RecordRow | undefined {
		void this.version;
		const chunk = this.#chunks.get(Math.floor(index / CHUNK));
		return Array.isArray(chunk) ? chunk[index % CHUNK] : undefined;
	}

	/** Fetches the blocks of rows first…last that are not in or on their way. */
	ensure(first: number, last: number): void {
		if (this.count === null) return;
		const end = Math.min(last, this.count - 1);
		for (let c = Math.floor(Math.max(0, first) / CHUNK); c <= Math.floor(end / CHUNK); c++) {
			if (!this.#chunks.has(c)) void this.#load(c);
		}
	}

	async #load(chunk: number): Promise<void> {
		const query = this.query;
		if (!query) return;
		const seq = this.#seq;
		const done = (async () => {
			this.loading = true;
			try {
				const { bytes, count } = await fetchRecords(recordsUrl(query, CHUNK, chunk * CHUNK));
				if (seq !== this.#seq) return;
				const { columns, rows } = decodeRecords(bytes);
				this.#chunks.set(chunk, rows);
				if (this.count === null) {
					this.columns = columns;
					this.count = count;
				}
				this.version++;
			} catch (e) {
				if (seq !== this.#seq) return;
				this.#chunks.delete(chunk);
				this.error = e instanceof Error ? e.message : String(e);
			} finally {
				if (seq === this.#seq) this.loading = [...this.#chunks.values()].some((c) => !Array.isArray(c));
			}
		})();
		this.#chunks.set(chunk, done);
		await done;
	}
}
