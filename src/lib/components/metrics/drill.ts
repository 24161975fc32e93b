/**
 * Drill-down without state: what a click on a figure of a chart selects. Every chart of every
 * analytics page describes its figures with a Figure (which table, month or period, dimension value,
 * record rules, the count it shows and what the records are); figureRequest turns one into the records
 * query whose count is that figure. The stateful part (the page's Drill) is in drill.svelte.ts.
 */
import { KIND_DEFS, KINDS } from '$lib/domain/records';
import {
	FILTER_NAMES,
	filterColumn,
	filterFits,
	type FilterName,
	type MetricQuery
} from '$lib/domain/metrics/query';
import type { RecordRule, RecordRuleName } from '$lib/domain/metrics/record-rules';
import type { RecordQuery } from '$lib/components/records/selection';

/** What the records are, beside the figure (drill.note.* messages). */
export type DrillNote =
	| 'count'
	| 'rate'
	| 'share'
	| 'amount'
	| 'perUnit'
	| 'mean'
	| 'hours'
	| 'limit'
	| 'weibull'
	| 'backlog'
	| 'kpi';

/** What a share counts: on-time records (SLA shares) or satisfied answers (drill.share.* messages). */
export type ShareKind = 'onTime' | 'satisfied';

/**
 * How a share drills: its records are the met ones (the figure's rules, the numerator) or the missed
 * ones (`missed`: the rest of its denominator); the panel counts both, so met ÷ (met + missed) is the
 * share, and lists either.
 */
export interface ShareDrill {
	kind: ShareKind;
	missed: RecordRule[];
}

/** The drill of a share series or KPI: its met records by the rule `met`, the missed by `missed`. */
export const shareDrill = (kind: ShareKind, met: RecordRuleName, missed: RecordRuleName): SeriesDrill => ({
	rules: [{ name: met }],
	note: 'share',
	share: { kind, missed: [{ name: missed }] }
});

export interface DrillRequest extends RecordQuery {
	/** Which chart asked (the page shows the table below that chart). */
	source: string;
	/** What was clicked, shown as the table's caption. */
	label: string;
	/** The count the clicked figure shows (a rate's numerator), to compare with the records; null if none. */
	figure: number | null;
	note: DrillNote;
	/** For a share: its value and the rules of its missed records (`rules` are the met ones). */
	share?: { kind: ShareKind; value: number | null; missedRules: RecordRule[] };
}

/** One figure of a chart: the records behind it, relative to the page's query. */
export interface Figure {
	label: string;
	/** "YYYY-MM": the figure's month (clipped to the page's period). */
	month?: string;
	/** A period of its own instead of the page's (e.g. the backlog is judged up to `to` only). */
	period?: { from?: string; to?: string };
	/** The figure's dimension value: [column, key]; a blank key selects the records without a value. */
	dimension?: [string, string | null];
	filters?: Partial<Record<FilterName, string[]>>;
	rules?: RecordRule[];
	value?: number | null;
	note?: DrillNote;
	table?: string;
	/** A share's value and how it drills (`rules` select its met records). */
	share?: ShareDrill & { value: number | null };
}

/** "YYYY-MM" → the first and last day of the month, clipped to the page's period. */
export function monthRange(
	month: string,
	query: Pick<MetricQuery, 'from' | 'to'>
): { from: string; to: string } {
	const [y, m] = month.split('-').map(Number);
	const first = `${month}-01`;
	const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
	return {
		from: query.from && query.from > first ? query.from : first,
		to: query.to && query.to < last ? query.to : last
	};
}

/** The page's filters that the records of `table` have and the metric applies (not `ignored`). */
export function recordFilters(
	table: string,
	filters: Partial<Record<FilterName, string[]>>,
	ignored: readonly FilterName[] = []
): Partial<Record<FilterName, string[]>> {
	const kind = KINDS.find((k) => KIND_DEFS[k].table === table);
	if (!kind) return {};
	const names = new Set(KIND_DEFS[kind].fields.map((f) => f.name));
	return Object.fromEntries(
		Object.entries(filters).filter(
			([name]) => filterFits(name as FilterName, table, names) && !ignored.includes(name as FilterName)
		)
	);
}

/**
 * The records query of a figure under the page's `query`: its month or period, the page's filters the
 * metric applies, the figure's filters and dimension value (a filter, or the blank rule), its rules.
 */
export function figureRequest(
	source: string,
	table: string,
	query: MetricQuery,
	figure: Figure,
	ignored: readonly FilterName[] = []
): DrillRequest {
	const target = figure.table ?? table;
	const period = figure.month
		? monthRange(figure.month, query)
		: (figure.period ?? { from: query.from, to: query.to });
	const filters = { ...recordFilters(target, query.filters, ignored), ...figure.filters };
	const dimensionRules: RecordRule[] = [];
	if (figure.dimension) {
		const [column, key] = figure.dimension;
		const name = FILTER_NAMES.find((f) => filterColumn(f) === column);
		if (key === null || key === '') dimensionRules.push({ name: 'blank', value: column });
		else if (name) filters[name] = [key];
		else throw new Error(`No records filter for the column "${column}"`);
	}
	const share = figure.share && {
		kind: figure.share.kind,
		value: figure.share.value,
		missedRules: [...figure.share.missed, ...dimensionRules]
	};
	return {
		source,
		table: target,
		label: figure.label,
		...(period.from ? { from: period.from } : {}),
		...(period.to ? { to: period.to } : {}),
		filters,
		rules: [...(figure.rules ?? []), ...dimensionRules],
		figure: figure.value ?? null,
		note: figure.note ?? 'count',
		...(share ? { share } : {})
	};
}

/** What monthFigure reads of a chart's click (Chart.svelte's ChartClick). */
interface SeriesClick {
	seriesId?: string;
	seriesName?: string;
	dataIndex: number;
}

/**
 * How a series of a monthly chart drills: the row field that is its count, its rules and note; a
 * share series (whose value is the share) says how its missed records are selected.
 */
export interface SeriesDrill {
	/** The row field whose value is the figure's count (a rate's numerator); none: no count to compare. */
	count?: string;
	filters?: Partial<Record<FilterName, string[]>>;
	rules?: RecordRule[];
	note?: DrillNote;
	share?: ShareDrill;
}

/**
 * The figure of a click on a monthly chart: the clicked row's month and the drill of the clicked
 * series (`series[id]`, else `series['*']`, which also answers a click beside the bars); null for a
 * click outside the rows.
 */
export function monthFigure(
	rows: readonly Record<string, unknown>[],
	click: SeriesClick,
	series: Record<string, SeriesDrill>,
	scope?: string
): Figure | null {
	const row = rows[click.dataIndex];
	const month = row?.month;
	if (typeof month !== 'string') return null;
	const drill = (click.seriesId && series[click.seriesId]) || series['*'] || {};
	const value = drill.count ? row[drill.count] : null;
	const shareValue = drill.share && click.seriesId ? row[click.seriesId] : null;
	const parts = [month, click.seriesId && series[click.seriesId] ? click.seriesName : '', scope];
	return {
		label: parts.filter(Boolean).join(' · '),
		month,
		filters: drill.filters,
		rules: drill.rules,
		value: typeof value === 'number' ? value : null,
		note: drill.note,
		...(drill.share
			? { share: { ...drill.share, value: typeof shareValue === 'number' ? shareValue : null } }
			: {})
	};
}
