import { shareBarsOption } from '$lib/charts/share-bars';
import type { MetricRows } from '$lib/domain/metrics/rows';
import type { ReportSection } from '$lib/domain/reports/document';
import { monthColumn, type ReportFigures } from './builders';

/** The response and resolution targets, in hours, that the labels name. */
interface TargetHours {
	response: number;
	resolution: number;
}

/** The month at a glance: what came in, what was answered and resolved in time, what is left and escalated. */
export function summarySection(
	f: ReportFigures,
	month: string,
	hours: TargetHours,
	figures: {
		current: MetricRows['complaints.sla'] | undefined;
		late: number;
		asOf: string;
		open: number;
		escalations: number;
	}
): ReportSection {
	const { t } = f;
	const { current, asOf, open } = figures;
	return {
		id: 'summary',
		title: t('report.ca.summary', { month }),
		blocks: [
			{
				type: 'facts',
				facts: [
					{ label: t('report.ca.received'), value: current?.complaints ?? 0, kind: 'count' },
					{
						label: t('report.ca.response', { hours: hours.response }),
						value: current?.response_within_target_share ?? null,
						kind: 'share'
					},
					{
						label: t('report.ca.resolution', { hours: hours.resolution }),
						value: current?.resolution_within_target_share ?? null,
						kind: 'share'
					},
					{ label: t('report.ca.pending'), value: current?.pending ?? 0, kind: 'count' },
					{ label: t('report.ca.lateCount'), value: figures.late, kind: 'count' },
					{ label: t('report.ca.openAtEnd', { asOf }), value: open, kind: 'count' },
					{ label: t('report.ca.escalationCount'), value: figures.escalations, kind: 'count' }
				]
			}
		]
	};
}

/** Response and resolution within target over the trend window, against the share they must reach. */
export function slaSection(
	f: ReportFigures,
	slaMinShare: number,
	hours: TargetHours,
	sla: MetricRows['complaints.sla'][]
): ReportSection {
	const { t, locale } = f;
	return {
		id: 'sla',
		title: t('report.ca.sla', { target: Math.round(slaMinShare * 100) }),
		blocks: [
			{
				type: 'chart',
				title: t('report.ca.sla', { target: Math.round(slaMinShare * 100) }),
				option: shareBarsOption({
					rows: sla,
					series: [
						{
							key: 'response_within_target_share',
							label: t('complaints.response', { hours: hours.response })
						},
						{
							key: 'resolution_within_target_share',
							label: t('complaints.resolution', { hours: hours.resolution })
						}
					],
					target: { value: slaMinShare, label: t('complaints.target') },
					locale
				}),
				printTable: true,
				table: {
					id: 'complaints_sla',
					title: t('report.ca.sla', { target: Math.round(slaMinShare * 100) }),
					columns: [
						monthColumn(t),
						{ key: 'complaints', label: t('complaints.count'), kind: 'count' },
						{
							key: 'response_within_target_share',
							label: t('complaints.response', { hours: hours.response }),
							kind: 'share'
						},
						{
							key: 'resolution_within_target_share',
							label: t('complaints.resolution', { hours: hours.resolution }),
							kind: 'share'
						},
						{ key: 'pending', label: t('report.ca.pending'), kind: 'count' },
						{ key: 'open', label: t('complaints.open'), kind: 'count' }
					],
					rows: sla
				}
			}
		]
	};
}
