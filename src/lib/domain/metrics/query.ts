/**
 * What the browser, the CLI and the reports know about metrics (no SQL here): filters, dimensions and
 * the shape of a result. The server registry (src/lib/server/metrics) holds the queries.
 */

/** Filter names users type (`--filter model=KFR-35GW`) and the column each one constrains. */
export const FILTER_COLUMNS = {
	model: 'product_model',
	category: 'category',
	region: 'region',
	channel: 'channel',
	supplier: 'supplier',
	service_center: 'service_center',
	defect_code: 'defect_code',
	defect_category: 'defect_category',
	symptom: 'symptom'
} as const;
export type FilterName = keyof typeof FILTER_COLUMNS;
export const FILTER_NAMES = Object.keys(FILTER_COLUMNS) as FilterName[];

export interface MetricQuery {
	/** Inclusive dates, YYYY-MM-DD. */
	from?: string;
	to?: string;
	/** Grouping dimension for metrics that accept one (a column name from the metric's `dimensions`). */
	by?: string;
	filters: Partial<Record<FilterName, string[]>>;
}

type MetricValue = string | number | boolean | null | MetricValue[] | { [key: string]: MetricValue };
export type MetricRow = Record<string, MetricValue>;

export interface MetricResult {
	metric: string;
	rows: MetricRow[];
}

/** A user-readable description of a metric, from data/metrics.json. */
export interface MetricInfo {
	id: string;
	title: { zh: string; en: string };
	unit: string;
	definition: { zh: string; en: string };
	dimensions: string[];
	filters: FilterName[];
	params: Record<string, number | Record<string, number>>;
}
