/**
 * Drill-down state of a page: the figure the user clicked and its records (a RecordSet, fetched from
 * /api/records/TABLE as Arrow). Pages own a Drill; RecordsTable only displays it, charts never fetch.
 */
import { untrack } from 'svelte';
import { page } from '$app/state';
import { fetchRecords } from '$lib/client/records';
import { RecordSet } from '$lib/components/records/record-set.svelte';
import { recordsUrl } from '$lib/components/records/selection';
import type { FilterName, MetricQuery } from '$lib/domain/metrics/query';
import { figureRequest, type DrillRequest, type Figure } from './drill';

/** A share's two counts: its met records (the numerator) and its missed ones (the rest of the denominator). */
export interface ShareCounts {
	met: number | null;
	missed: number | null;
}

/** Create it while the page initialises: a new page query (filters, dimension) closes the records. */
export class Drill {
	request: DrillRequest | null = $state.raw(null);
	readonly records = new RecordSet();
	/** For a share: which of its records are listed, and how many there are of each. */
	listing: 'met' | 'missed' = $state('met');
	shareCounts: ShareCounts = $state.raw({ met: null, missed: null });
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

	/** Whether the signed-in user may open records (viewers see figures only). */
	get available(): boolean {
		return page.data.mayOpenRecords === true;
	}

	/** The records behind `figure` of the chart `source`, under the page's query less the metric's `ignored` filters. */
	open(source: string, figure: Figure | null, ignored: readonly FilterName[] = []): Promise<void> {
		if (!figure || !this.available) return Promise.resolve();
		const request = figureRequest(source, this.#table, this.#query(), figure, ignored);
		this.request = request;
		this.listing = 'met';
		this.shareCounts = { met: null, missed: null };
		if (request.share) void this.#countShare(request, request.share.missedRules);
		return this.records.open(request);
	}

	/** Lists a share's met or missed records. */
	list(which: 'met' | 'missed'): Promise<void> {
		const request = this.request;
		if (!request?.share) return Promise.resolve();
		this.listing = which;
		return this.records.open(which === 'met' ? request : { ...request, rules: request.share.missedRules });
	}

	async #countShare(request: DrillRequest, missedRules: DrillRequest['rules']): Promise<void> {
		const count = async (rules: DrillRequest['rules']) =>
			(await fetchRecords(recordsUrl({ ...request, rules }, 1, 0))).count;
		try {
			const [met, missed] = await Promise.all([count(request.rules), count(missedRules)]);
			if (this.request === request) this.shareCounts = { met, missed };
		} catch {
			// The records' own request shows the error; the counts stay unknown.
		}
	}

	close(): void {
		this.request = null;
		void this.records.open(null);
	}
}
