import type { EChartsOption, SeriesOption } from 'echarts';
import { baseOption, COLORS, escapeHtml, PALETTE } from './common';
import { formatValue } from './format';

/**
 * GB/T 27922 attainment (earned ÷ applicable points) as two radars side by side: the first-level
 * indicators (售后服务体系, 商品服务, 顾客服务) on the left, the second-level ones on the right. One
 * polygon per set — the assessment being edited, or two assessments on the comparison page.
 */

interface RadarIndicator {
	id: string;
	name: string;
	depth: 1 | 2;
}

export interface RadarSet {
	name: string;
	/** Attainment 0–1 by indicator id; null when every check item under it is excluded. */
	attainment: Record<string, number | null>;
}

interface AttainmentRadarInput {
	indicators: RadarIndicator[];
	sets: RadarSet[];
	titles: { first: string; second: string };
	locale: string;
}

/** Percent with one decimal for the polygon; '-' (ECharts' "no value") when nothing is applicable. */
const percent = (v: number | null | undefined): number | '-' =>
	v === null || v === undefined || !Number.isFinite(v) ? '-' : Math.round(v * 1000) / 10;

export function attainmentRadarOption(input: AttainmentRadarInput): EChartsOption {
	const { indicators, sets, titles, locale } = input;
	const levels = [1, 2].map((depth) => indicators.filter((i) => i.depth === depth));
	const centers = [
		['24%', '56%'],
		['70%', '56%']
	];
	const radar = levels.map((axes, r) => ({
		center: centers[r],
		radius: r === 0 ? '52%' : '58%',
		startAngle: 90,
		splitNumber: 4,
		indicator: axes.map((a) => ({ name: a.name, max: 100, min: 0 })),
		axisName: { color: COLORS.textMuted, fontSize: r === 0 ? 12 : 11 },
		splitLine: { lineStyle: { color: COLORS.grid } },
		splitArea: { show: false },
		axisLine: { lineStyle: { color: COLORS.grid } }
	}));
	const series: SeriesOption[] = levels.map((axes, r) => ({
		id: r === 0 ? 'first' : 'second',
		type: 'radar',
		radarIndex: r,
		symbolSize: 4,
		data: sets.map((set, s) => ({
			name: set.name,
			value: axes.map((a) => percent(set.attainment[a.id])),
			lineStyle: { color: PALETTE[s % PALETTE.length], width: 2 },
			itemStyle: { color: PALETTE[s % PALETTE.length] },
			areaStyle: { color: PALETTE[s % PALETTE.length], opacity: sets.length > 1 ? 0.08 : 0.18 }
		})),
		tooltip: {
			formatter: (params: unknown) => {
				const p = params as { name: string; value: (number | '-')[] };
				const rows = axes.map(
					(a, i) =>
						`${escapeHtml(a.name)}: ${formatValue(p.value[i] === '-' ? null : (p.value[i] as number) / 100, 'share', locale)}`
				);
				return [`<strong>${escapeHtml(p.name)}</strong>`, ...rows].join('<br>');
			}
		}
	}));
	return {
		...baseOption(),
		title: [
			{
				text: titles.first,
				left: '24%',
				top: 28,
				textAlign: 'center',
				textStyle: { fontSize: 13, fontWeight: 600 }
			},
			{
				text: titles.second,
				left: '70%',
				top: 28,
				textAlign: 'center',
				textStyle: { fontSize: 13, fontWeight: 600 }
			}
		],
		legend: sets.length > 1 ? { top: 0, left: 0, data: sets.map((s) => s.name) } : { show: false },
		tooltip: { trigger: 'item', confine: true },
		radar,
		series
	};
}
