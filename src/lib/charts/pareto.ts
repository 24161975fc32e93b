import type { EChartsOption } from 'echarts';
import { defectLabel, type DefectNames } from '$lib/domain/defect-codes';
import { baseOption, categoryAxis, COLORS, seriesTooltip, valueAxis, type Row } from './common';
import { toNumber, type ValueKind } from './format';

export interface ParetoInput {
	/** Rows sorted by value descending (defects.pareto, cost.drivers). */
	rows: Row[];
	keyField?: string;
	valueField: string;
	kind: ValueKind;
	labels: { value: string; cumulative: string; threshold: string; empty: string };
	locale: string;
	/** Bars shown (the rest still count in the cumulative share's total). */
	maxBars?: number;
	/** The "vital few" line on the cumulative axis (default 0.8). */
	threshold?: number;
}

interface ParetoBar {
	key: string | null;
	label: string;
	value: number;
	cumShare: number;
}

/** Bars with their cumulative share over the total of all rows (not only the bars shown). */
export function paretoBars(input: ParetoInput): ParetoBar[] {
	const keyField = input.keyField ?? 'key';
	const values = input.rows.map((r) => toNumber(r[input.valueField]) ?? 0);
	const total = values.reduce((a, b) => a + b, 0);
	let running = 0;
	return input.rows.slice(0, input.maxBars ?? 20).map((r, i) => {
		running += values[i];
		const key = r[keyField] === null || r[keyField] === undefined ? null : String(r[keyField]);
		return {
			key,
			// A defect code reads with its dictionary name ("E5 压缩机异响"); other keys carry no names.
			label:
				key === null || key === '' ? input.labels.empty : defectLabel(key, r as DefectNames, input.locale),
			value: values[i],
			cumShare: total > 0 ? running / total : 0
		};
	});
}

/** Pareto chart: bars by key (descending) and the cumulative share as a line on a 0–100 % axis. */
export function paretoOption(input: ParetoInput): EChartsOption {
	const bars = paretoBars(input);
	return {
		...baseOption(),
		xAxis: categoryAxis(
			bars.map((b) => b.label),
			{ axisLabel: { color: COLORS.textMuted, interval: 0, rotate: bars.length > 8 ? 35 : 0 } }
		),
		yAxis: [
			valueAxis(input.kind, input.locale, { name: input.labels.value }),
			valueAxis('share', input.locale, {
				name: input.labels.cumulative,
				min: 0,
				max: 1,
				splitLine: { show: false }
			})
		],
		series: [
			{
				id: 'value',
				name: input.labels.value,
				type: 'bar',
				barMaxWidth: 40,
				cursor: 'pointer',
				data: bars.map((b) => b.value),
				tooltip: seriesTooltip(input.kind, input.locale)
			},
			{
				id: 'cumulative',
				name: input.labels.cumulative,
				type: 'line',
				yAxisIndex: 1,
				symbolSize: 6,
				itemStyle: { color: COLORS.warning },
				data: bars.map((b) => b.cumShare),
				tooltip: seriesTooltip('share', input.locale),
				markLine: {
					silent: true,
					symbol: 'none',
					lineStyle: { color: COLORS.muted, type: 'dashed' },
					label: { formatter: input.labels.threshold, position: 'insideEndTop', color: COLORS.textMuted },
					data: [{ yAxis: input.threshold ?? 0.8 }]
				}
			}
		]
	};
}
