import { shareBarsOption } from '$lib/charts/share-bars';
import type { MetricRows } from '$lib/domain/metrics/rows';
import type { ReportSection } from '$lib/domain/reports/document';
import type { MetricParams } from '../metrics/config';
import { monthColumn, type ReportFigures } from './builders';

/**
 * The monthly review's service section: returns and satisfaction of the last three months, complaint
 * response and resolution over the trend against the share the targets must reach. The headings name
 * the configured targets (counter and inspection minutes, response and resolution hours).
 */
export function serviceSection(
	f: ReportFigures,
	params: MetricParams,
	returns: MetricRows['returns.monthly'][],
	sla: MetricRows['complaints.sla'][],
	satisfaction: MetricRows['satisfaction.monthly'][]
): ReportSection {
	const { t, locale } = f;
	const slaMinShare = params.sla_min_share;
	const response = t('complaints.response', { hours: params.response_target_hours });
	const resolution = t('complaints.resolution', { hours: params.resolution_target_hours });
	const monthCol = monthColumn(t);
	return {
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
						{
							key: 'counter_within_target_share',
							label: t('returns.counter', { minutes: params.counter_target_minutes }),
							kind: 'share'
						},
						{
							key: 'inspection_within_target_share',
							label: t('returns.inspection', { minutes: params.inspection_target_minutes }),
							kind: 'share'
						}
					],
					rows: returns.slice(-3)
				}
			},
			{
				type: 'chart',
				title: t('report.mr.sla', { target: Math.round(slaMinShare * 100) }),
				option: shareBarsOption({
					rows: sla,
					series: [
						{ key: 'response_within_target_share', label: response },
						{ key: 'resolution_within_target_share', label: resolution }
					],
					target: { value: slaMinShare, label: t('complaints.target') },
					locale
				}),
				table: {
					id: 'complaints_sla',
					title: t('report.mr.sla', { target: Math.round(slaMinShare * 100) }),
					columns: [
						monthCol,
						{ key: 'complaints', label: t('complaints.count'), kind: 'count' },
						{ key: 'response_within_target_share', label: response, kind: 'share' },
						{ key: 'resolution_within_target_share', label: resolution, kind: 'share' },
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
	};
}
