/*
 * Over 300 lines: one declarative document, section after section in the order it is printed, like
 * the monthly review; splitting it would scatter what the reader sees on one page.
 */
import { paretoOption } from '$lib/charts/pareto';
import { shareBarsOption } from '$lib/charts/share-bars';
import type { ComplaintBreakdownRow } from '$lib/domain/metrics/complaints';
import type { Kind } from '$lib/domain/records';
import type { LineageRow, ReportBlock, ReportDocument, ReportSection } from '$lib/domain/reports/document';
import type { Translate } from '$lib/i18n';
import { lateComplaints } from '../metrics/complaints-late';
import { loadMetricConfig } from '../metrics/config';
import { lastDayOf } from '../metrics/periods';
import { ReportFigures, type ReportContext } from './builders';
import { lineage } from './lineage';
import { nextDay, reportPeriod, trendWindow } from './period';

/** The dimensions the complaint office breaks a month down by, in the order printed. */
export const BREAKDOWNS = ['category', 'channel', 'product_model', 'supplier'] as const;

/** A breakdown's chart (Pareto, as on the dashboards) and its table, no value named as such. */
function breakdownBlock(
	f: ReportFigures,
	dim: (typeof BREAKDOWNS)[number],
	month: string,
	rows: ComplaintBreakdownRow[]
): ReportBlock {
	const { t, locale } = f;
	const title = t(`report.ca.by.${dim}`, { month });
	return {
		type: 'chart',
		title,
		option: paretoOption({
			rows,
			valueField: 'count',
			kind: 'count',
			labels: {
				value: t('complaints.count'),
				cumulative: t('pareto.cumulative'),
				threshold: t('pareto.threshold'),
				empty: t('report.ca.noValue')
			},
			locale,
			maxBars: 12
		}),
		printTable: true,
		table: {
			id: `by_${dim}`,
			title,
			empty: t('report.empty'),
			columns: [
				{ key: 'key', label: t(`report.ca.col.${dim}`) },
				{ key: 'count', label: t('complaints.count'), kind: 'count' },
				{ key: 'share', label: t('report.ca.share'), kind: 'share' }
			],
			rows: rows.map((r) => ({ ...r, key: r.key ?? t('report.ca.noValue') }))
		}
	};
}

const minute = (timestamp: string | null) => timestamp?.slice(0, 16) ?? null;

/** The escalation level's name. */
const levelName = (t: Translate, level: string) => t(`esc.level.${level}` as 'esc.level.final-warning');

/**
 * The monthly complaint analysis summary the complaint office files: the month's complaints by
 * category, channel, product and supplier, response and resolution within target (with 12 months of
 * trend), the open backlog by age at the month's end, the supplier escalations the month triggered
 * and the cases resolved late, listed. Every figure comes through the metric registry, except the
 * case list, whose rule is complaints.sla's and whose definition is printed in the appendix.
 */
export async function complaintAnalysis(ctx: ReportContext): Promise<ReportDocument> {
	const f = new ReportFigures(ctx);
	const { t, locale } = f;
	const { params } = await loadMetricConfig();
	const month = await reportPeriod(ctx.db, ctx.period, 'complaint');
	const trend = trendWindow(month);
	const only = { from: `${month}-01`, to: lastDayOf(month) };
	// The complaint fund counts from the start of the year; a commendation needs the whole year.
	const year = month.slice(0, 4);
	const yearToDate = { from: `${year}-01-01`, to: only.to };
	const hours = { response: params.response_target_hours, resolution: params.resolution_target_hours };

	const [sla, backlog, escalations, ...breakdowns] = await Promise.all([
		f.rows('complaints.sla', trend),
		f.rows('complaints.backlog', only),
		f.rows('complaints.escalations', yearToDate),
		...BREAKDOWNS.map((dim) => f.rows('complaints.breakdown', only, dim))
	]);
	const late = await lateComplaints(ctx.db, { ...only, filters: ctx.filters, scope: ctx.scope });
	const current = sla.find((r) => r.month === month);
	const triggered = escalations.filter((e) => e.month === month || e.level === 'commendation');
	const asOf = minute(backlog[0]?.as_of ?? null) ?? only.to;
	const open = backlog.reduce((sum, r) => sum + r.complaints, 0);

	const sections: ReportSection[] = [
		{
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
						{ label: t('report.ca.lateCount'), value: late.length, kind: 'count' },
						{ label: t('report.ca.openAtEnd', { asOf }), value: open, kind: 'count' },
						{ label: t('report.ca.escalationCount'), value: triggered.length, kind: 'count' }
					]
				}
			]
		},
		{
			id: 'sla',
			title: t('report.ca.sla', { target: Math.round(params.sla_min_share * 100) }),
			blocks: [
				{
					type: 'chart',
					title: t('report.ca.sla', { target: Math.round(params.sla_min_share * 100) }),
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
						target: { value: params.sla_min_share, label: t('complaints.target') },
						locale
					}),
					printTable: true,
					table: {
						id: 'complaints_sla',
						title: t('report.ca.sla', { target: Math.round(params.sla_min_share * 100) }),
						columns: [
							{ key: 'month', label: t('overview.month') },
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
		},
		{
			id: 'breakdowns',
			title: t('report.ca.breakdowns'),
			blocks: BREAKDOWNS.map((dim, i) => breakdownBlock(f, dim, month, breakdowns[i]))
		},
		{
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
		},
		{
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
		},
		{
			id: 'late',
			title: t('report.ca.late', { month, hours: hours.resolution }),
			blocks: [
				{
					type: 'table',
					table: {
						id: 'late',
						title: t('report.ca.late', { month, hours: hours.resolution }),
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
		}
	];
	return f.document({
		kind: 'complaint-analysis',
		period: month,
		sections,
		definitions: [
			{
				id: 'complaints.late-cases',
				title: t('report.ca.lateTitle'),
				definition: t('report.ca.lateDefinition', { hours: hours.resolution })
			}
		],
		lineage: await complaintLineage(
			ctx,
			month,
			backlog.map((r) => r.oldest_received_at)
		)
	});
}

/**
 * The batches behind the figures: complaints from the earliest date any figure reads (the trend, the
 * year of the escalations, the oldest open complaint) to the month's end; in December also the
 * repairs and returns of the year, which decide the commendations.
 */
async function complaintLineage(
	ctx: ReportContext,
	month: string,
	oldestOpen: (string | null)[]
): Promise<LineageRow[]> {
	const until = nextDay(lastDayOf(month));
	const yearStart = `${month.slice(0, 4)}-01-01`;
	const from = [
		trendWindow(month).from,
		yearStart,
		...oldestOpen.map((d) => d?.slice(0, 10) ?? yearStart)
	].sort()[0];
	const others: Kind[] = month.endsWith('-12') ? ['repair', 'return'] : [];
	const rows = [
		...(await lineage(ctx.db, { kinds: ['complaint'], from, until })),
		...(await lineage(ctx.db, { kinds: others, from: yearStart, until }))
	];
	return rows.sort((a, b) => a.batch_id - b.batch_id);
}
