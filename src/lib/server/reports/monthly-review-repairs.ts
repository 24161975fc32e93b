import { defectLabel } from '$lib/domain/defect-codes';
import { lineTrendOption } from '$lib/charts/line-trend';
import { paretoOption } from '$lib/charts/pareto';
import { monthlyCostOption } from '$lib/charts/stacked-cost';
import type { MetricRows } from '$lib/domain/metrics/rows';
import type { ReportSection } from '$lib/domain/reports/document';
import { monthColumn, type ReportFigures } from './builders';

/** The repair rate and the repair cost over the trend window, each as a chart with its table. */
export function trendSection(
	f: ReportFigures,
	defects: MetricRows['defects.monthly'][],
	cost: MetricRows['cost.monthly'][]
): ReportSection {
	const { t, locale } = f;
	const monthCol = monthColumn(t);
	return {
		id: 'trends',
		title: t('report.mr.trends'),
		blocks: [
			{
				type: 'chart',
				title: t('kpi.repair_rate'),
				option: lineTrendOption({
					rows: defects,
					series: [
						{ key: 'repairs', label: t('defects.repairs'), type: 'bar', axis: 1 },
						{ key: 'rate_per_1000', label: t('defects.rate') }
					],
					axes: [
						{ name: t('defects.rate'), kind: 'per1000' },
						{ name: t('defects.repairs'), kind: 'count' }
					],
					locale
				}),
				table: {
					id: 'repair_rate',
					title: t('kpi.repair_rate'),
					columns: [
						monthCol,
						{ key: 'repairs', label: t('defects.repairs'), kind: 'count' },
						{ key: 'units_in_warranty', label: t('defects.units'), kind: 'count' },
						{ key: 'rate_per_1000', label: t('defects.rate'), kind: 'per1000' }
					],
					rows: defects
				}
			},
			{
				type: 'chart',
				title: t('report.mr.costTrend'),
				option: monthlyCostOption(cost, t, locale),
				table: {
					id: 'cost',
					title: t('report.mr.costTrend'),
					columns: [
						monthCol,
						{ key: 'parts', label: t('cost.parts'), kind: 'money' },
						{ key: 'labor', label: t('cost.labor'), kind: 'money' },
						{ key: 'logistics', label: t('cost.logistics'), kind: 'money' },
						{ key: 'other', label: t('cost.other'), kind: 'money' },
						{ key: 'total', label: t('cost.total'), kind: 'money' },
						{ key: 'warranty_total', label: t('cost.warranty'), kind: 'money' },
						{ key: 'out_of_warranty_total', label: t('cost.outOfWarranty'), kind: 'money' },
						{ key: 'warranty_cost_per_unit_sold', label: t('cost.perUnit'), kind: 'money' }
					],
					rows: cost
				}
			}
		]
	};
}

/** The month's top defect codes (Pareto) and the models that cost the most. */
export function defectSection(
	f: ReportFigures,
	month: string,
	pareto: MetricRows['defects.pareto'][],
	drivers: MetricRows['cost.drivers'][]
): ReportSection {
	const { t, locale } = f;
	return {
		id: 'defects',
		title: t('report.mr.topDefects'),
		blocks: [
			{
				type: 'chart',
				title: t('report.mr.pareto', { month }),
				option: paretoOption({
					rows: pareto,
					valueField: 'count',
					kind: 'count',
					labels: {
						value: t('pareto.count'),
						cumulative: t('pareto.cumulative'),
						threshold: t('pareto.threshold'),
						empty: t('pareto.empty')
					},
					locale,
					maxBars: 10
				}),
				table: {
					id: 'pareto',
					title: t('report.mr.pareto', { month }),
					columns: [
						{ key: 'key', label: t('filter.defect_code') },
						{ key: 'count', label: t('pareto.count'), kind: 'count' },
						{ key: 'share', label: t('pareto.share'), kind: 'share' },
						{ key: 'cum_share', label: t('pareto.cumulative'), kind: 'share' }
					],
					// The code with its dictionary name, as the chart's axis says it.
					rows: pareto.slice(0, 10).map((r) => ({
						...r,
						key: r.key === null ? t('pareto.empty') : defectLabel(r.key, r, locale)
					}))
				}
			},
			{
				type: 'table',
				table: {
					id: 'cost_drivers',
					title: t('report.mr.drivers', { month }),
					columns: [
						{ key: 'key', label: t('filter.model') },
						{ key: 'total', label: t('cost.amount'), kind: 'money' },
						{ key: 'share', label: t('cost.share'), kind: 'share' },
						{ key: 'repairs', label: t('cost.repairs'), kind: 'count' }
					],
					rows: drivers.slice(0, 10)
				}
			}
		]
	};
}
