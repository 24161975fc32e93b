/**
 * The filter bar's choices as the server computes them from the data (server/metrics/filter-options)
 * and the browser shows them: per filter, the values present with how many records carry each.
 */
import type { FilterName } from './query';

/** The filters offered as multi-selects with choices from the data, in the bar's order. */
export const OPTION_FILTERS = [
	'model',
	'category',
	'region',
	'channel',
	'supplier',
	'service_center'
] as const satisfies readonly FilterName[];
export type OptionFilter = (typeof OPTION_FILTERS)[number];

/** The record tables a filter bar can count (sales rows are monthly totals, not records). */
export const OPTION_TABLES = ['repairs', 'returns', 'complaints', 'surveys'] as const;
export type OptionTable = (typeof OPTION_TABLES)[number];

export interface FilterOption {
	value: string;
	/** Records carrying the value within the period and the other filters. */
	count: number;
}

export interface FilterOptions {
	/** Per filter the tables can be narrowed by: its values, most records first. */
	options: Partial<Record<OptionFilter, FilterOption[]>>;
	/** The latest record date of the tables (YYYY-MM-DD), whatever the filters: the period presets' anchor. */
	latest: string | null;
}
