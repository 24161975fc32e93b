import type { LateComplaintRow } from '$lib/domain/metrics/complaints';
import type { MetricRows } from '$lib/domain/metrics/rows';
import type { ReportSection } from '$lib/domain/reports/document';
import type { Translate } from '$lib/i18n';
import type { ReportFigures } from './builders';

/** A timestamp to the minute, as the complaint office reads times. */
export const minute = (timestamp: string | null) => timestamp?.slice(0, 16) ?? null;

/** The escalation level's name. */
const levelName = (t: Translate, level: string) => t(`esc.level.${level}` as 'esc.level.final-warning');

/** The complaints still open at the month's end, by age. */
export function backlogSection(
	f: ReportFigures,
	asOf: string,
	backlog: MetricRows['complaints.backlog'][]
): ReportSection {
	const { t } = f;
	return {
		id: 'backlog',
		title: t('report.ca.backlog'),
		blocks: [
			{ type: 'paragraph', text: t('report.ca.backlogAsOf', { asOf }) },
			{
				type: 'table',
				table: {
					id: 'backlog',
					title: t('report.ca.backlog'),
					columns: [
						{ key: 'bucket', label: t('report.ca.bucket') },
						{ key: 'complaints', label: t('complaints.count'), kind: 'count' },
						{ key: 'share', label: t('report.ca.share'), kind: 'share' },
						{ key: 'oldest_received_at', label: t('report.ca.oldest') }
					],
					rows: backlog.map((r) => ({
						bucket: t(`report.ca.bucket.${r.bucket}`),
						complaints: r.complaints,
						share: r.share,
						oldest_received_at: minute(r.oldest_received_at)
					}))
				}
			}
		]
	};
}

/** The supplier escalations the month triggered, and the year's commendations. */
export function escalationSection(
	f: ReportFigures,
	month: string,
	triggered: MetricRows['complaints.escalations'][]
): ReportSection {
	const { t } = f;
	const year = month.slice(0, 4);
	return {
		id: 'escalations',
		title: t('report.ca.escalations'),
		blocks: [
			{ type: 'paragraph', text: t('report.ca.escalationsWindow', { month, year }) },
			{
				type: 'table',
				table: {
					id: 'escalations',
					title: t('report.ca.escalations'),
					empty: t('esc.none'),
					columns: [
						{ key: 'supplier', label: t('esc.supplier') },
						{ key: 'level', label: t('esc.level') },
						{ key: 'issue', label: t('esc.issue') },
						{ key: 'complaints', label: t('esc.complaints'), kind: 'count' },
						{ key: 'month', label: t('esc.month') }
					],
					rows: triggered.map((e) => ({
						supplier: e.supplier,
						level: levelName(t, e.level),
						issue: e.issue,
						complaints: e.complaints,
						month: e.month ?? String(e.year)
					}))
				}
			}
		]
	};
}

/** The month's complaints resolved late, or not at all, case by case. */
export function lateSection(
	f: ReportFigures,
	month: string,
	resolutionHours: number,
	late: LateComplaintRow[]
): ReportSection {
	const { t } = f;
	return {
		id: 'late',
		title: t('report.ca.late', { month, hours: resolutionHours }),
		blocks: [
			{
				type: 'table',
				table: {
					id: 'late',
					title: t('report.ca.late', { month, hours: resolutionHours }),
					empty: t('report.ca.noLate'),
					columns: [
						{ key: 'complaint_id', label: t('report.ca.col.id') },
						{ key: 'received_at', label: t('report.ca.col.received') },
						{ key: 'resolved_at', label: t('report.ca.col.resolved') },
						{ key: 'hours', label: t('report.ca.col.hours'), kind: 'hours' },
						{ key: 'category', label: t('report.ca.col.category') },
						{ key: 'supplier', label: t('report.ca.col.supplier') },
						{ key: 'product_model', label: t('report.ca.col.product_model') },
						{ key: 'channel', label: t('report.ca.col.channel') }
					],
					rows: late.map((r) => ({
						...r,
						received_at: minute(r.received_at),
						resolved_at: minute(r.resolved_at) ?? t('report.ca.unresolved')
					}))
				}
			}
		]
	};
}
