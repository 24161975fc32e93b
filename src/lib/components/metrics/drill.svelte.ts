/**
 * Drill-down state of a page: the figure the user clicked and its records (a RecordSet, fetched from
 * /api/records/TABLE as Arrow). Pages own a Drill; RecordsTable only displays it, charts never fetch.
 */
import { untrack } from 'svelte';
import { RecordSet } from '$lib/components/records/record-set.svelte';
import type { FilterName, MetricQuery } from '$lib/domain/metrics/query';
import { figureRequest, type DrillRequest, type Figure } from './drill';

/** Create it while the page initialises: a new page query (filters, dimension) closes the records. */
export class Drill {
	request: DrillRequest | null = $state.raw(null);
	readonly records = new RecordSet();
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

	/** The records behind `figure` of the chart `source`, under the page's query less the metric's `ignored` filters. */
	open(source: string, figure: Figure | null, ignored: readonly FilterName[] = []): Promise<void> {
		if (!figure) return Promise.resolve();
		const request = figureRequest(source, this.#table, this.#query(), figure, ignored);
		this.request = request;
		return this.records.open(request);
	}

	close(): void {
		this.request = null;
		void this.records.open(null);
	}
}
