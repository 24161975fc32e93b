/**
 * Drill-down state of a page: which records the user asked for and the current page of them, fetched
 * from /api/records/TABLE as Arrow IPC. Pages own a Drill (the browser's only fetch on analytics
 * pages); RecordsTable only displays it, charts never fetch.
 */
import {
	CLIENT_FILTER_LIMIT,
	decodeRecords,
	PAGE_SIZE,
	recordsUrl,
	type DrillRequest,
	type RecordColumn,
	type RecordRow
} from './drill';

export {
	CLIENT_FILTER_LIMIT,
	PAGE_SIZE,
	filterForColumn,
	monthRange,
	recordFilters,
	type DrillRequest,
	type RecordColumn
} from './drill';

export class Drill {
	request: DrillRequest | null = $state.raw(null);
	page = $state(0);
	columns: RecordColumn[] = $state.raw([]);
	rows: RecordRow[] = $state.raw([]);
	hasNext = $state(false);
	loading = $state(false);
	error: string | null = $state(null);
	/** All matching records when the filter runs in the browser. */
	#local: RecordRow[] | null = null;
	#seq = 0;

	async open(request: DrillRequest): Promise<void> {
		this.request = request;
		this.page = 0;
		this.#local = null;
		await this.load();
	}

	close(): void {
		this.#seq++;
		this.request = null;
		this.rows = [];
		this.columns = [];
		this.error = null;
		this.loading = false;
	}

	async goto(page: number): Promise<void> {
		this.page = Math.max(0, page);
		await this.load();
	}

	private async fetchRows(url: string) {
		const response = await fetch(url);
		if (!response.ok) {
			const body = (await response.json().catch(() => null)) as { error?: string } | null;
			throw new Error(body?.error ?? `HTTP ${response.status}`);
		}
		return decodeRecords(new Uint8Array(await response.arrayBuffer()));
	}

	private async load(): Promise<void> {
		const request = this.request;
		if (!request) return;
		const seq = ++this.#seq;
		this.loading = true;
		this.error = null;
		try {
			const start = this.page * PAGE_SIZE;
			if (request.clientFilter) {
				if (!this.#local) {
					const { columns, rows } = await this.fetchRows(recordsUrl(request, CLIENT_FILTER_LIMIT, 0));
					const { column, value } = request.clientFilter;
					this.#local = rows.filter(
						(r) => (r[column] ?? null) === value || (value === null && r[column] === '')
					);
					this.columns = columns;
				}
				if (seq !== this.#seq) return;
				this.rows = this.#local.slice(start, start + PAGE_SIZE);
				this.hasNext = this.#local.length > start + PAGE_SIZE;
			} else {
				const { columns, rows } = await this.fetchRows(recordsUrl(request, PAGE_SIZE + 1, start));
				if (seq !== this.#seq) return;
				this.columns = columns;
				this.rows = rows.slice(0, PAGE_SIZE);
				this.hasNext = rows.length > PAGE_SIZE;
			}
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
