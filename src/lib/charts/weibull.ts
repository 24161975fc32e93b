import type { EChartsOption, SeriesOption } from 'echarts';
import type { WeibullRow } from '$lib/domain/metrics/warranty';
import { baseOption, COLORS, valueAxis } from './common';
import { formatValue } from './format';

interface WeibullInput {
	/** Rows without a fit are skipped. */
	rows: Pick<WeibullRow, 'product_model' | 'beta' | 'eta_days'>[];
	labels: { days: string; unreliability: string; warranty?: string };
	locale: string;
	/** A log time axis (Weibull-paper style) instead of a linear one. */
	log?: boolean;
	/** Time range in days (default 1 … 1095, three years). */
	maxDays?: number;
	/** Points per curve (default 80). */
	points?: number;
	/** A vertical line at the end of the warranty, in days (e.g. 365). */
	warrantyDays?: number;
}

/** F(t) = 1 − exp(−(t/η)^β): the share of units failed by age t. */
export function unreliability(t: number, beta: number, eta: number): number {
	if (t <= 0) return 0;
	return 1 - Math.exp(-Math.pow(t / eta, beta));
}

/** B10 life: the age by which 10 % of units have failed, t = η·(−ln 0.9)^(1/β). */
export function b10Days(beta: number | null, eta: number | null): number | null {
	if (beta === null || eta === null || beta <= 0 || eta <= 0) return null;
	return eta * Math.pow(-Math.log(0.9), 1 / beta);
}

/** Ages (days) at which the curves are sampled: evenly spaced, or geometrically on a log axis. */
export function sampleDays(maxDays: number, points: number, log: boolean): number[] {
	const n = Math.max(2, points);
	if (!log) return Array.from({ length: n }, (_, i) => (maxDays * i) / (n - 1));
	const lo = Math.log(1);
	const hi = Math.log(maxDays);
	return Array.from({ length: n }, (_, i) => Math.exp(lo + ((hi - lo) * i) / (n - 1)));
}

/** One unreliability curve F(t) per product model with a fit. */
export function weibullOption(input: WeibullInput): EChartsOption {
	const { labels, locale } = input;
	const log = input.log ?? false;
	const maxDays = input.maxDays ?? 1095;
	const days = sampleDays(maxDays, input.points ?? 80, log);
	const series: SeriesOption[] = input.rows.flatMap((r) => {
		const { beta, eta_days: eta, product_model: name } = r;
		if (beta === null || eta === null || beta <= 0 || eta <= 0) return [];
		return [
			{
				id: name,
				name,
				type: 'line' as const,
				showSymbol: false,
				smooth: false,
				data: days.map((t) => [Math.round(t * 100) / 100, unreliability(t, beta, eta)])
			}
		];
	});
	if (input.warrantyDays && series.length) {
		Object.assign(series[0], {
			markLine: {
				silent: true,
				symbol: 'none',
				lineStyle: { color: COLORS.muted, type: 'dashed' },
				label: { formatter: labels.warranty ?? '', color: COLORS.textMuted },
				data: [{ xAxis: input.warrantyDays }]
			}
		});
	}
	return {
		...baseOption(),
		tooltip: {
			trigger: 'axis',
			confine: true,
			valueFormatter: (v: unknown) =>
				formatValue(Array.isArray(v) ? (v[1] as number) : (v as number), 'share', locale)
		},
		xAxis: {
			type: log ? 'log' : 'value',
			name: labels.days,
			nameLocation: 'middle',
			nameGap: 26,
			min: log ? 1 : 0,
			max: maxDays,
			axisLabel: { color: COLORS.textMuted },
			splitLine: { lineStyle: { color: COLORS.grid } }
		},
		yAxis: valueAxis('share', locale, { name: labels.unreliability, min: 0 }),
		grid: { left: 16, right: 24, top: 56, bottom: 30 },
		series
	};
}
