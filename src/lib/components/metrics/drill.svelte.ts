/**
 * Drill-down state of a page: which records the user asked for and the current page of them, fetched
 * from /api/records/TABLE as Arrow IPC. Pages own a Drill (the analytics pages' only request, through
 * the browser API client); RecordsTable only displays it, charts never fetch.
 */
import { untrack } from 'svelte';
import { fetchRecordBytes } from '$lib/client/records';
import type { MetricQuery } from '$lib/domain/metrics/query';
import {
	barRequest,
	decodeRecords,
	monthRange,
	PAGE_SIZE,
	recordFilters,
	recordsUrl,
	type DrillRequest,
	type RecordColumn,
	type RecordRow
} from './drill';

/** Create it while the page initialises: a new page query (filters, dimension) closes the records. */
export class Drill {
	request: DrillRequest | null = $state.raw(null);
	page = $state(0);
	columns: RecordColumn[] = $state.raw([]);
	rows: RecordRow[] = $state.raw([]);
	hasNext = $state(false);
	loading = $state(false);
	error: string | null = $state(null);
	#seq = 0;
	readonly #query: () => MetricQuery;
	readonly #table: string;

	constructor(query: () => MetricQuery, table = 'repairs') {
		this.#query = query;
		this.#table = table;
		$effect(() => {
			void query();
			untrack(() => this.close());
		});
	}

	/** The page's filters that the records have as columns. */
	private filters(): DrillRequest['filters'] {
		return recordFilters(this.#table, this.#query().filters);
	}

	/**
	 * The records of one month (YYYY-MM, e.g. a clicked row's; anything else is ignored) of the page's
	 * period, under the chart `source`; `scope` is added to the caption.
	 */
	openMonth(source: string, month: unknown, scope?: string): void {
		if (typeof month !== 'string') return;
		const label = scope ? `${month} · ${scope}` : month;
		const range = monthRange(month, this.#query());
		void this.open({ source, table: this.#table, label, ...range, filters: this.filters() });
	}

	/** The records behind a bar of a chart grouped by `column`, under the chart `source`. */
	openBar(source: string, column: string, key: string | null, label: string): void {
		const { from, to } = this.#query();
		void this.open(barRequest({ source, table: this.#table, label, from, to }, this.filters(), column, key));
	}

	private async open(request: DrillRequest): Promise<void> {
		this.close();
		this.request = request;
		// A blank bar has no records to fetch: RecordsTable says why.
		if (!request.blank) await this.load();
	}

	close(): void {
		this.#seq++;
		this.request = null;
		this.page = 0;
		this.rows = [];
		this.columns = [];
		this.error = null;
		this.loading = false;
	}

	async goto(page: number): Promise<void> {
		this.page = Math.max(0, page);
		await this.load();
	}

	private async load(): Promise<void> {
		const request = this.request;
		if (!request) return;
		const seq = ++this.#seq;
		this.loading = true;
		this.error = null;
		try {
			const bytes = await fetchRecordBytes(recordsUrl(request, PAGE_SIZE + 1, this.page * PAGE_SIZE));
			const { columns, rows } = decodeRecords(bytes);
			if (seq !== this.#seq) return;
			this.columns = columns;
			this.rows = rows.slice(0, PAGE_SIZE);
			this.hasNext = rows.length > PAGE_SIZE;
		} catch (e) {
			if (seq === this.#seq) {
				this.error = e instanceof Error ? e.message : String(e);
				this.rows = [];
			}
		} finally {
			if (seq === this.#seq) this.loading = false;
		}
	}
}
