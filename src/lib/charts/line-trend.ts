import type { EChartsOption, SeriesOption } from 'echarts';
import { baseOption, categoryAxis, COLORS, seriesTooltip, valueAxis, type Row } from './common';
import { toNumber, type ValueKind } from './format';

interface TrendSeries {
	/** Column of the rows. */
	key: string;
	label: string;
	type?: 'line' | 'bar';
	/** 0 (left axis, default) or 1 (right axis). */
	axis?: 0 | 1;
	/** Bars with the same stack name are stacked. */
	stack?: string;
	color?: string;
}

interface TrendAxis {
	name: string;
	kind: ValueKind;
	min?: number;
	max?: number;
}

interface LineTrendInput {
	rows: Row[];
	/** The category column (default "month"). */
	x?: string;
	series: TrendSeries[];
	/** The left axis, and optionally the right one. */
	axes: [TrendAxis] | [TrendAxis, TrendAxis];
	/** BCP 47 locale for number formats. */
	locale: string;
	/** An optional horizontal target on the given axis. */
	target?: { value: number; label: string; axis?: 0 | 1 };
}

/** A monthly series chart: lines and/or bars over months, one or two value axes. */
export function lineTrendOption(input: LineTrendInput): EChartsOption {
	const x = input.x ?? 'month';
	const categories = input.rows.map((r) => String(r[x] ?? ''));
	const series: SeriesOption[] = input.series.map((s, i) => {
		const axis = s.axis ?? 0;
		const kind = input.axes[axis]?.kind ?? input.axes[0].kind;
		const common = {
			id: s.key,
			name: s.label,
			yAxisIndex: axis,
			data: input.rows.map((r) => toNumber(r[s.key])),
			tooltip: seriesTooltip(kind, input.locale),
			...(s.color ? { itemStyle: { color: s.color } } : {})
		};
		const series: SeriesOption =
			s.type === 'bar'
				? { ...common, type: 'bar', stack: s.stack, barMaxWidth: 28 }
				: { ...common, type: 'line', symbolSize: 5, connectNulls: false, z: 3 + i };
		return series;
	});
	if (input.target && series.length) {
		const axis = input.target.axis ?? 0;
		const index = input.series.findIndex((s) => (s.axis ?? 0) === axis);
		const host = series[index < 0 ? 0 : index];
		Object.assign(host, {
			markLine: {
				silent: true,
				symbol: 'none',
				lineStyle: { color: COLORS.danger, type: 'dashed' },
				label: { formatter: input.target.label, position: 'insideEndTop', color: COLORS.danger },
				data: [{ yAxis: input.target.value }]
			}
		});
	}
	return {
		...baseOption(),
		xAxis: categoryAxis(categories),
		yAxis: input.axes.map((a, i) =>
			valueAxis(a.kind, input.locale, {
				name: a.name,
				nameTextStyle: { color: COLORS.textMuted, align: i === 0 ? 'left' : 'right' },
				min: a.min,
				max: a.max,
				...(i === 1 ? { splitLine: { show: false } } : {})
			})
		),
		series
	};
}

/**
 * Counts per category as bars with their share (0–1) as a line on a 0–100 % axis: the shape of
 * distributions such as backlog age buckets or answers per score.
 */
export function countShareOption(input: {
	rows: Row[];
	x: string;
	count: { key: string; label: string };
	share: { key: string; label: string };
	locale: string;
}): EChartsOption {
	const { count, share } = input;
	return lineTrendOption({
		rows: input.rows,
		x: input.x,
		series: [
			{ ...count, type: 'bar' },
			{ ...share, axis: 1 }
		],
		axes: [
			{ name: count.label, kind: 'count', min: 0 },
			{ name: share.label, kind: 'share', min: 0, max: 1 }
		],
		locale: input.locale
	});
}
