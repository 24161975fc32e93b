import type { EChartsOption } from 'echarts';
import type { MisRow } from '$lib/domain/metrics/defects';
import { baseOption, categoryAxis, COLORS, escapeHtml } from './common';
import { formatValue } from './format';

interface MisHeatmapInput {
	rows: MisRow[];
	labels: { cohort: string; mis: string; value: string; claims: string; units: string };
	locale: string;
}

interface MisGrid {
	cohorts: string[];
	mis: number[];
	/** [mis index, cohort index, cum claims per 1000, claims, units] */
	cells: [number, number, number, number | null, number | null][];
	max: number;
}

/** The warranty triangle as grid cells: cohorts (oldest first) × months in service 0…max. */
export function misGrid(rows: MisRow[]): MisGrid {
	const cohorts = [...new Set(rows.map((r) => r.cohort))].sort();
	const maxMis = rows.reduce((m, r) => Math.max(m, r.mis), 0);
	const mis = Array.from({ length: rows.length ? maxMis + 1 : 0 }, (_, i) => i);
	const cohortIndex = new Map(cohorts.map((c, i) => [c, i]));
	let max = 0;
	const cells: MisGrid['cells'] = [];
	for (const r of rows) {
		const value = r.cum_claims_per_1000;
		if (value === null) continue;
		max = Math.max(max, value);
		cells.push([r.mis, cohortIndex.get(r.cohort) ?? 0, value, r.claims, r.units]);
	}
	return { cohorts, mis, cells, max };
}

/** Months-in-service triangle: cumulative claims per 1000 units by sales cohort and month in service. */
export function misHeatmapOption(input: MisHeatmapInput): EChartsOption {
	const { labels, locale } = input;
	const grid = misGrid(input.rows);
	return {
		...baseOption(),
		legend: { show: false },
		grid: { left: 16, right: 24, top: 36, bottom: 80 },
		tooltip: {
			trigger: 'item',
			confine: true,
			formatter: (params: unknown) => {
				const value = (params as { value?: MisGrid['cells'][number] }).value;
				if (!value) return '';
				const [m, c, v, claims, units] = value;
				return [
					`<b>${escapeHtml(labels.cohort)} ${escapeHtml(grid.cohorts[c] ?? '')}</b>`,
					`${escapeHtml(labels.mis)}: <b>${m}</b>`,
					`${escapeHtml(labels.value)}: <b>${formatValue(v, 'per1000', locale)}</b>`,
					`${escapeHtml(labels.claims)}: ${formatValue(claims, 'count', locale)}`,
					`${escapeHtml(labels.units)}: ${formatValue(units, 'count', locale)}`
				].join('<br>');
			}
		},
		xAxis: categoryAxis(grid.mis.map(String), {
			name: labels.mis,
			nameLocation: 'middle',
			nameGap: 26,
			splitArea: { show: true }
		}),
		yAxis: categoryAxis(grid.cohorts, {
			name: labels.cohort,
			nameLocation: 'start',
			inverse: true,
			splitArea: { show: true }
		}),
		visualMap: {
			type: 'continuous',
			// the colour is the cumulative rate (cells also carry claims and units after it)
			dimension: 2,
			min: 0,
			max: grid.max || 1,
			calculable: false,
			orient: 'horizontal',
			left: 'center',
			bottom: 0,
			itemHeight: 160,
			text: [formatValue(grid.max, 'per1000', locale), '0'],
			textStyle: { color: COLORS.textMuted },
			inRange: { color: ['#f3f7fd', '#6ea8ff', '#1d5fbf', '#15233a'] }
		},
		series: [
			{
				id: 'mis',
				name: labels.value,
				type: 'heatmap',
				data: grid.cells,
				emphasis: { itemStyle: { borderColor: COLORS.text, borderWidth: 1 } },
				progressive: 0
			}
		]
	};
}
