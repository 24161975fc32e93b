import type { EChartsOption, SeriesOption } from 'echarts';
import { baseOption, categoryAxis, COLORS, seriesTooltip, valueAxis, type Row } from './common';
import type { Translate } from '$lib/i18n';
import { toNumber } from './format';

const COST_PARTS = ['parts', 'labor', 'logistics', 'other'] as const;
type CostPart = (typeof COST_PARTS)[number];

interface StackedCostInput {
	/** cost.monthly rows: month, parts, labor, logistics, other, cost_per_unit_sold … */
	rows: Row[];
	labels: Record<CostPart, string> & { cost: string; perUnit?: string };
	locale: string;
	/** A line of this column on a second axis (e.g. cost_per_unit_sold); omitted when not given. */
	perUnitField?: string;
}

const PART_COLORS: Record<CostPart, string> = {
	parts: '#1d5fbf',
	labor: '#6ea8ff',
	logistics: '#2e9d6b',
	other: '#c5ced9'
};

/** Monthly cost as stacked bars (parts, labour, logistics, other), optionally with a per-unit line. */
export function stackedCostOption(input: StackedCostInput): EChartsOption {
	const { rows, labels, locale } = input;
	const series: SeriesOption[] = COST_PARTS.map((part) => ({
		id: part,
		name: labels[part],
		type: 'bar',
		stack: 'cost',
		barMaxWidth: 28,
		itemStyle: { color: PART_COLORS[part] },
		data: rows.map((r) => toNumber(r[part])),
		tooltip: seriesTooltip('money', locale)
	}));
	const perUnit = input.perUnitField && labels.perUnit;
	if (input.perUnitField && labels.perUnit) {
		const field = input.perUnitField;
		series.push({
			id: 'per_unit',
			name: labels.perUnit,
			type: 'line',
			yAxisIndex: 1,
			symbolSize: 5,
			z: 5,
			itemStyle: { color: COLORS.warning },
			data: rows.map((r) => toNumber(r[field])),
			tooltip: seriesTooltip('money', locale)
		});
	}
	return {
		...baseOption(),
		xAxis: categoryAxis(rows.map((r) => String(r.month))),
		yAxis: [
			valueAxis('money', locale, { name: labels.cost, nameTextStyle: { align: 'left' } }),
			...(perUnit ? [valueAxis('money', locale, { name: labels.perUnit, splitLine: { show: false } })] : [])
		],
		series
	};
}

/**
 * The monthly cost chart of the Cost page and the reports: the four parts over every repair, and the
 * warranty cost per unit sold (warranty cost means repairs in warranty only).
 */
export function monthlyCostOption(rows: Row[], t: Translate, locale: string): EChartsOption {
	return stackedCostOption({
		rows,
		labels: {
			parts: t('cost.parts'),
			labor: t('cost.labor'),
			logistics: t('cost.logistics'),
			other: t('cost.other'),
			cost: t('cost.amount'),
			perUnit: t('cost.perUnit')
		},
		locale,
		perUnitField: 'warranty_cost_per_unit_sold'
	});
}
