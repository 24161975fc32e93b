import type { EChartsOption, SeriesOption } from 'echarts';
import { baseOption, categoryAxis, COLORS, seriesTooltip, valueAxis, type Row } from './common';
import { formatValue, toNumber } from './format';

interface ShareBarsInput {
	/** Monthly rows with share columns (fractions 0–1; null = no denominator). */
	rows: Row[];
	series: { key: string; label: string; color?: string }[];
	/** The share to reach (e.g. 0.9), drawn as a line; bars below it get a red outline. */
	target?: { value: number; label: string };
	locale: string;
}

/** Within-target shares by month as grouped bars on a 0–100 % axis with the target line. */
export function shareBarsOption(input: ShareBarsInput): EChartsOption {
	const { rows, target, locale } = input;
	const series: SeriesOption[] = input.series.map((s) => ({
		id: s.key,
		name: s.label,
		type: 'bar',
		barMaxWidth: 18,
		...(s.color ? { itemStyle: { color: s.color } } : {}),
		tooltip: seriesTooltip('share', locale),
		data: rows.map((r) => {
			const value = toNumber(r[s.key]);
			return target && value !== null && value < target.value
				? { value, itemStyle: { borderColor: COLORS.danger, borderWidth: 1.5 } }
				: { value };
		})
	}));
	if (target && series.length) {
		Object.assign(series[0], {
			markLine: {
				silent: true,
				symbol: 'none',
				lineStyle: { color: COLORS.danger, type: 'dashed' },
				label: {
					formatter: `${target.label} ${formatValue(target.value, 'share', locale)}`,
					position: 'insideEndTop',
					color: COLORS.danger
				},
				data: [{ yAxis: target.value }]
			}
		});
	}
	return {
		...baseOption(),
		xAxis: categoryAxis(rows.map((r) => String(r.month))),
		yAxis: valueAxis('share', locale, { min: 0, max: 1 }),
		series
	};
}
