import type { EChartsOption } from 'echarts';
import { formatAxis, formatValue, type ValueKind } from './format';

/** Colours of the series, in order; the first matches the app's accent. */
export const PALETTE = [
	'#1d5fbf',
	'#e8833a',
	'#2e9d6b',
	'#8b5cf6',
	'#0ea5b7',
	'#a16207',
	'#db2777',
	'#64748b'
];
export const COLORS = {
	accent: '#1d5fbf',
	danger: '#b42318',
	success: '#1f7a4d',
	warning: '#c27803',
	muted: '#8796ad',
	grid: '#e5e9f0',
	text: '#1b2430',
	textMuted: '#5b6878'
} as const;

/** The app's font stack, so that canvas and SVG text match the page (CJK first). */
const FONT_FAMILY =
	"'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', system-ui, sans-serif";

/** A row of a metric result: plain JSON values. */
export type Row = Record<string, unknown>;

/** The parts every chart shares: font, palette, tooltip and grid spacing. */
export function baseOption(): EChartsOption {
	return {
		color: PALETTE,
		textStyle: { fontFamily: FONT_FAMILY, color: COLORS.text },
		grid: { left: 16, right: 24, top: 56, bottom: 8 },
		legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 10, textStyle: { color: COLORS.textMuted } },
		tooltip: { trigger: 'axis', confine: true }
	};
}

/** A value axis whose labels and tooltip values use the kind's format. */
export function valueAxis(kind: ValueKind, locale: string, extra: Record<string, unknown> = {}) {
	return {
		type: 'value' as const,
		axisLabel: { formatter: (v: number) => formatAxis(v, kind, locale), color: COLORS.textMuted },
		splitLine: { lineStyle: { color: COLORS.grid } },
		...extra
	};
}

/** Series-level tooltip formatting (ECharts ≥ 5.3 `tooltip.valueFormatter`). */
export function seriesTooltip(kind: ValueKind, locale: string) {
	return {
		valueFormatter: (v: unknown) =>
			formatValue(typeof v === 'number' ? v : Array.isArray(v) ? (v[1] as number) : null, kind, locale)
	};
}

/** A category axis of months ("YYYY-MM"). */
export function categoryAxis(data: string[], extra: Record<string, unknown> = {}) {
	return {
		type: 'category' as const,
		data,
		axisTick: { alignWithLabel: true },
		axisLabel: { color: COLORS.textMuted, hideOverlap: true },
		...extra
	};
}

/** Escapes text for the HTML of a tooltip formatter (user data never becomes markup). */
export function escapeHtml(text: string): string {
	return text.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string
	);
}
