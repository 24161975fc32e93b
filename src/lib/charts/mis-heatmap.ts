import type { EChartsOption } from 'echarts';
import { baseOption, categoryAxis, COLORS, escapeHtml, type Row } from './common';
import { formatValue, toNumber } from './format';

interface MisHeatmapInput {
	/** defects.mis rows: cohort, mis, claims, units, cum_claims_per_1000. */
	rows: Row[];
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
export function misGrid(rows: Row[]): MisGrid {
	const cohorts = [...new Set(rows.map((r) => String(r.cohort)))].sort();
	const maxMis = rows.reduce((m, r) => Math.max(m, toNumber(r.mis) ?? 0), 0);
	const mis = Array.from({ length: rows.length ? maxMis + 1 : 0 }, (_, i) => i);
	const cohortIndex = new Map(cohorts.map((c, i) => [c, i]));
	let max = 0;
	const cells: MisGrid['cells'] = [];
	for (const r of rows) {
		const value = toNumber(r.cum_claims_per_1000);
		const m = toNumber(r.mis);
		if (value === null || m === null) continue;
		max = Math.max(max, value);
		cells.push([m, cohortIndex.get(String(r.cohort)) ?? 0, value, toNumber(r.claims), toNumber(r.units)]);
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
		grid: { left: 16, right: 24, top: 36, bottom: 80, containLabel: true },
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
