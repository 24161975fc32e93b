import type { EChartsOption } from 'echarts';
import { echarts } from '$lib/charts/runtime';

/** A4 portrait text width at the report's margins, in CSS pixels. */
export const CHART_WIDTH = 680;

/**
 * A chart option as an SVG string: the same option builders the dashboards use, drawn by ECharts'
 * server-side renderer, so a chart in a report is the chart on screen. Animation is off: the SVG is
 * the final frame, not the first.
 */
export function renderSvg(option: EChartsOption, height = 300, width = CHART_WIDTH): string {
	const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
	try {
		chart.setOption({ ...option, animation: false });
		return chart.renderToSVGString();
	} finally {
		chart.dispose();
	}
}
