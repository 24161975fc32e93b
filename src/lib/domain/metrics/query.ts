/**
 * What the browser, the CLI and the reports know about metrics (no SQL here): filters, dimensions and
 * the shape of a result. The server registry (src/lib/server/metrics) holds the queries.
 */
import type { UserScope } from '$lib/domain/auth/user';

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
type ColumnFilterName = keyof typeof FILTER_COLUMNS;

/**
 * Filters decided by a rule over several columns of one table rather than by one column's value,
 * with the values each accepts: `in_warranty` is the warranty scope of a repair (the rule is
 * inWarrantySql in server/metrics/sql.ts).
 */
export const RULE_FILTERS = {
	in_warranty: { table: 'repairs', values: ['yes', 'no'] }
} as const;

export type FilterName = ColumnFilterName | keyof typeof RULE_FILTERS;
export const FILTER_NAMES = [...Object.keys(FILTER_COLUMNS), ...Object.keys(RULE_FILTERS)] as FilterName[];

/** The column a filter constrains; null for a rule filter. */
export const filterColumn = (name: FilterName): string | null =>
	name in RULE_FILTERS ? null : FILTER_COLUMNS[name as ColumnFilterName];

/** The filter can narrow the records of `table`, whose columns are `columns`. */
export function filterFits(name: FilterName, table: string, columns: ReadonlySet<string>): boolean {
	const column = filterColumn(name);
	return column ? columns.has(column) : RULE_FILTERS[name as keyof typeof RULE_FILTERS]?.table === table;
}

/** The values a rule filter accepts; null for a column filter (any value). */
export const filterValues = (name: FilterName): readonly string[] | null =>
	name in RULE_FILTERS ? RULE_FILTERS[name as keyof typeof RULE_FILTERS].values : null;

export interface MetricQuery {
	/** Inclusive dates, YYYY-MM-DD. */
	from?: string;
	to?: string;
	/** Grouping dimension for metrics that accept one (a column name from the metric's `dimensions`). */
	by?: string;
	/**
	 * Values per filter; a filter present with no values matches no record (an empty intersection
	 * with a user's scope), an absent one does not filter.
	 */
	filters: Partial<Record<FilterName, string[]>>;
	/** The user's scope the filters were limited to (scopeQuery, domain/auth/scope); absent: whole company. */
	scope?: UserScope;
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
