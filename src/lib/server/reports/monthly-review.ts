import { defectLabel } from '$lib/domain/defect-codes';
import { lineTrendOption } from '$lib/charts/line-trend';
import { paretoOption } from '$lib/charts/pareto';
import { shareBarsOption } from '$lib/charts/share-bars';
import { monthlyCostOption } from '$lib/charts/stacked-cost';
import { levelKey } from '$lib/domain/assessment/labels';
import { KPI_VALUE_KINDS } from '$lib/domain/metrics/overview';
import type { ReportBlock, ReportDocument, ReportSection } from '$lib/domain/reports/document';
import { latestFinalAssessment } from '../assessment/view';
import { openRectifications } from '../assessment/rectifications';
import { loadMetricConfig } from '../metrics/config';
import { lastDayOf, monthsBack } from '../metrics/periods';
import { ReportFigures, type ReportContext } from './builders';
import { nextDay, reportPeriod, trendWindow } from './period';
import { lineage } from './lineage';

/**
 * Over 300 lines: one declarative document, section after section, in the order it is printed;
 * splitting it would scatter what the reader sees on one page.
 *
 * The monthly executive review: one month's headline figures with month-on-month and year-on-year
 * changes, the trends of the 13 months up to it, top defects and cost drivers, signals, returns,
 * complaint service against its targets, satisfaction, the star level and the rectifications due.
 */
export async function monthlyReview(ctx: ReportContext): Promise<ReportDocument> {
	const f = new ReportFigures(ctx);
	const { t, locale } = f;
	const { params } = await loadMetricConfig();
	const month = await reportPeriod(ctx.db, ctx.period, 'repair');
	const trend = trendWindow(month);
	const only = { from: `${month}-01`, to: lastDayOf(month) };

	const [kpis, signals, defects, cost, pareto, drivers, returns, sla, satisfaction] = await Promise.all([
		f.rows('overview.kpis', { to: only.to }),
		f.rows('signals', { to: only.to }),
		f.rows('defects.monthly', trend),
		f.rows('cost.monthly', trend),
		f.rows('defects.pareto', only, 'defect_code'),
		f.rows('cost.drivers', only, 'product_model'),
		f.rows('returns.monthly', trend),
		f.rows('complaints.sla', trend),
		f.rows('satisfaction.monthly', trend)
	]);
	const [star, open] = await Promise.all([
		latestFinalAssessment(ctx.db),
		openRectifications(ctx.db, ctx.generatedAt.slice(0, 10))
	]);

	const monthCol = { key: 'month', label: t('overview.month') };
	const sections: ReportSection[] = [
		{
			id: 'kpis',
			title: t('overview.kpis'),
			blocks: [
				{
					type: 'table',
					table: {
						id: 'kpis',
						title: t('report.mr.kpiTable', { month }),
						columns: [
							{ key: 'name', label: t('report.col.metric') },
							{ key: 'value', label: month, kindFrom: 'kind' },
							{ key: 'previous', label: monthsBack(month, 1), kindFrom: 'kind' },
							{ key: 'change_mom', label: t('overview.mom'), kind: 'change' },
							{ key: 'last_year', label: monthsBack(month, 12), kindFrom: 'kind' },
							{ key: 'change_yoy', label: t('overview.yoy'), kind: 'change' }
						],
						rows: kpis.map((k) => ({
							name: t(`kpi.${k.kpi}` as 'kpi.repairs'),
							kind: KPI_VALUE_KINDS[k.kpi] ?? 'decimal',
							value: k.value,
							previous: k.previous,
							change_mom: k.change_mom,
							last_year: k.last_year,
							change_yoy: k.change_yoy
						}))
					}
				}
			]
		},
		{
			id: 'signals',
			title: t('overview.signals'),
			blocks: signals.length
				? signals.map((s): ReportBlock => ({
						type: 'paragraph',
						text: ctx.lang === 'en' ? s.text_en : s.text_zh
					}))
				: [{ type: 'paragraph', text: t('overview.noSignals') }]
		},
		{
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
		},
		{
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
		},
		{
			id: 'service',
			title: t('report.mr.service'),
			blocks: [
				{
					type: 'table',
					table: {
						id: 'returns',
						title: t('returns.count'),
						columns: [
							monthCol,
							{ key: 'returns', label: t('returns.count'), kind: 'count' },
							{ key: 'return_rate', label: t('returns.rate'), kind: 'p' },
							{ key: 'exchanges', label: t('returns.exchanges'), kind: 'count' },
							{ key: 'refunds', label: t('returns.refunds'), kind: 'count' },
							{ key: 'counter_within_target_share', label: t('returns.counter'), kind: 'share' },
							{ key: 'inspection_within_target_share', label: t('returns.inspection'), kind: 'share' }
						],
						rows: returns.slice(-3)
					}
				},
				{
					type: 'chart',
					title: t('report.mr.sla', { target: Math.round(params.sla_min_share * 100) }),
					option: shareBarsOption({
						rows: sla,
						series: [
							{ key: 'response_within_target_share', label: t('complaints.response') },
							{ key: 'resolution_within_target_share', label: t('complaints.resolution') }
						],
						target: { value: params.sla_min_share, label: t('complaints.target') },
						locale
					}),
					table: {
						id: 'complaints_sla',
						title: t('report.mr.sla', { target: Math.round(params.sla_min_share * 100) }),
						columns: [
							monthCol,
							{ key: 'complaints', label: t('complaints.count'), kind: 'count' },
							{ key: 'response_within_target_share', label: t('complaints.response'), kind: 'share' },
							{ key: 'resolution_within_target_share', label: t('complaints.resolution'), kind: 'share' },
							{ key: 'open', label: t('complaints.open'), kind: 'count' }
						],
						rows: sla
					}
				},
				{
					type: 'table',
					table: {
						id: 'satisfaction',
						title: t('report.mr.satisfaction'),
						columns: [
							monthCol,
							{ key: 'responses', label: t('sat.responses'), kind: 'count' },
							{ key: 'csat_mean', label: t('sat.csat'), kind: 'score' },
							{ key: 'satisfied_share', label: t('sat.satisfied'), kind: 'share' },
							{ key: 'nps', label: t('sat.nps'), kind: 'nps' }
						],
						rows: satisfaction.slice(-3)
					}
				}
			]
		},
		{
			id: 'certification',
			title: t('report.mr.certification'),
			blocks: [
				star
					? {
							type: 'facts',
							facts: [
								{
									label: t('report.mr.assessment'),
									value: `${star.assessment.name} · ${star.assessment.site}`
								},
								{ label: t('report.mr.finalisedAt'), value: star.version.finalisedAt },
								{ label: t('report.mr.score'), value: star.score.score, kind: 'decimal' },
								{ label: t('report.mr.level'), value: t(levelKey(star.score.level)) }
							]
						}
					: { type: 'paragraph', text: t('report.mr.noAssessment') },
				{
					type: 'table',
					table: {
						id: 'rectifications',
						title: t('report.mr.rectifications'),
						empty: t('report.mr.noRectifications'),
						columns: [
							{ key: 'assessment', label: t('report.mr.assessment') },
							{ key: 'action', label: t('report.mr.rectification') },
							{ key: 'owner', label: t('report.mr.owner') },
							{ key: 'status', label: t('report.mr.status') },
							{ key: 'due', label: t('report.mr.due'), kind: 'date' },
							{ key: 'overdue', label: t('report.mr.daysOverdue'), kind: 'count' }
						],
						rows: open.map((r) => ({
							assessment: r.assessmentName,
							action: r.action,
							owner: r.owner,
							status: t(`as.rect.status.${r.status}` as 'as.rect.status.open'),
							due: r.dueDate,
							overdue: r.daysOverdue > 0 ? r.daysOverdue : null
						}))
					}
				}
			]
		}
	];
	return f.document({
		kind: 'monthly-review',
		period: month,
		sections,
		lineage: await lineage(ctx.db, {
			kinds: ['repair', 'return', 'complaint', 'survey', 'sales'],
			from: trend.from,
			until: nextDay(trend.to)
		})
	});
}
