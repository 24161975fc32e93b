import type { EChartsOption } from 'echarts';
import { pickedChart, type PChartRow } from '$lib/domain/metrics/defects';
import { baseOption, categoryAxis, COLORS, escapeHtml, valueAxis } from './common';
import { formatValue } from './format';

interface PChartLabels {
	p: string;
	center: string;
	/** The limits' names, for the chart the rows pick (classic p or Laney p′). */
	ucl: string;
	lcl: string;
	/** "Rule" / "判异准则" */
	rule: string;
	/** Short descriptions of Western Electric rules 1–4, by number. */
	rules: Record<number, string>;
	repairs: string;
	units: string;
}

/**
 * A defects.pchart row as the chart reads it: any rule numbers are drawn. The limits and rules
 * drawn are those of the chart the row's diagnostic picks (`chart`).
 */
type PChartPoint = Omit<PChartRow, 'rules' | 'rules_laney'> & {
	rules: readonly number[];
	rules_laney: readonly number[];
};

interface PChartInput {
	rows: PChartPoint[];
	labels: PChartLabels;
	locale: string;
}

interface RuleHit {
	month: string;
	index: number;
	rules: number[];
	p: number | null;
	ucl: number | null;
	lcl: number | null;
}

/** The months that complete one or more special-cause rules, in month order. */
export function ruleHits(rows: PChartPoint[]): RuleHit[] {
	return rows.flatMap((row, index) => {
		const { rules, ucl, lcl } = pickedChart(row);
		return rules.length ? [{ month: row.month, index, rules: [...rules], p: row.p, ucl, lcl }] : [];
	});
}

/** The tooltip of one month: p, limits, counts and the rules it breaks. */
export function pchartTooltip(row: PChartPoint, labels: PChartLabels, locale: string): string {
	const line = (label: string, value: string) => `${escapeHtml(label)}: <b>${escapeHtml(value)}</b>`;
	const { ucl, lcl, rules } = pickedChart(row);
	const parts = [
		`<b>${escapeHtml(row.month)}</b>`,
		line(labels.p, formatValue(row.p, 'p', locale)),
		line(labels.ucl, formatValue(ucl, 'p', locale)),
		line(labels.center, formatValue(row.center, 'p', locale)),
		line(labels.lcl, formatValue(lcl, 'p', locale)),
		line(labels.repairs, formatValue(row.repairs, 'count', locale)),
		line(labels.units, formatValue(row.units_in_warranty, 'count', locale))
	];
	for (const rule of rules) {
		parts.push(
			`<span style="color:${COLORS.danger}">${escapeHtml(`${labels.rule} ${rule}: ${labels.rules[rule] ?? ''}`)}</span>`
		);
	}
	return parts.join('<br>');
}

/**
 * p-chart: the monthly proportion with its centre line, per-month 3σ limits as step lines (the
 * binomial ones or Laney's p′, as the rows' diagnostic picks), and the months that break a Western
 * Electric rule on that chart drawn larger in red with the rule numbers above them.
 */
export function pchartOption(input: PChartInput): EChartsOption {
	const { rows, labels, locale } = input;
	const months = rows.map((r) => r.month);
	const picked = rows.map(pickedChart);
	const limit = (key: 'ucl' | 'lcl', name: string, id: string) => ({
		id,
		name,
		type: 'line' as const,
		step: 'middle' as const,
		symbol: 'none',
		silent: true,
		lineStyle: { color: COLORS.danger, type: 'dashed' as const, width: 1 },
		itemStyle: { color: COLORS.danger },
		data: picked.map((r) => r[key])
	});
	return {
		...baseOption(),
		tooltip: {
			trigger: 'axis',
			confine: true,
			formatter: (params: unknown) => {
				const first = (Array.isArray(params) ? params[0] : params) as { dataIndex?: number } | undefined;
				const row = first?.dataIndex === undefined ? undefined : rows[first.dataIndex];
				return row ? pchartTooltip(row, labels, locale) : '';
			}
		},
		xAxis: categoryAxis(months),
		yAxis: valueAxis('p', locale, { name: labels.p, min: 0 }),
		series: [
			{
				id: 'p',
				name: labels.p,
				type: 'line',
				cursor: 'pointer',
				symbolSize: 6,
				z: 5,
				itemStyle: { color: COLORS.accent },
				data: rows.map(({ p: value }, i) => {
					const { rules } = picked[i];
					return rules.length
						? {
								value,
								symbolSize: 11,
								itemStyle: { color: COLORS.danger },
								label: {
									show: true,
									position: 'top' as const,
									color: COLORS.danger,
									fontWeight: 'bold' as const,
									formatter: rules.join(',')
								}
							}
						: { value };
				})
			},
			{
				id: 'center',
				name: labels.center,
				type: 'line',
				symbol: 'none',
				silent: true,
				lineStyle: { color: COLORS.success, width: 1 },
				itemStyle: { color: COLORS.success },
				data: rows.map((r) => r.center)
			},
			limit('ucl', labels.ucl, 'ucl'),
			limit('lcl', labels.lcl, 'lcl')
		]
	};
}
