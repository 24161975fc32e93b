import type { Kind } from '$lib/domain/records';
import type { LineageRow, ReportDocument } from '$lib/domain/reports/document';
import { lateComplaints } from '../metrics/complaints-late';
import { loadMetricConfig } from '../metrics/config';
import { lastDayOf } from '../metrics/periods';
import { ReportFigures, type ReportContext } from './builders';
import { BREAKDOWNS, breakdownSection } from './complaint-analysis-breakdowns';
import { backlogSection, escalationSection, lateSection, minute } from './complaint-analysis-cases';
import { slaSection, summarySection } from './complaint-analysis-service';
import { lineage } from './lineage';
import { nextDay, reportPeriod, trendWindow } from './period';

/**
 * The monthly complaint analysis summary the complaint office files: the month's complaints by
 * category, channel, product and supplier, response and resolution within target (with 12 months of
 * trend), the open backlog by age at the month's end, the supplier escalations the month triggered
 * and the cases resolved late, listed. Every figure comes through the metric registry, except the
 * case list, whose rule is complaints.sla's and whose definition is printed in the appendix.
 */
export async function complaintAnalysis(ctx: ReportContext): Promise<ReportDocument> {
	const f = new ReportFigures(ctx);
	const { t } = f;
	const { params } = await loadMetricConfig();
	const month = await reportPeriod(ctx.db, ctx.period, 'complaint');
	const trend = trendWindow(month);
	const only = { from: `${month}-01`, to: lastDayOf(month) };
	// The complaint fund counts from the start of the year; a commendation needs the whole year.
	const yearToDate = { from: `${month.slice(0, 4)}-01-01`, to: only.to };
	const hours = { response: params.response_target_hours, resolution: params.resolution_target_hours };

	const [sla, backlog, escalations, ...breakdowns] = await Promise.all([
		f.rows('complaints.sla', trend),
		f.rows('complaints.backlog', only),
		f.rows('complaints.escalations', yearToDate),
		...BREAKDOWNS.map((dim) => f.rows('complaints.breakdown', only, dim))
	]);
	const late = await lateComplaints(ctx.db, { ...only, filters: ctx.filters, scope: ctx.scope });
	const triggered = escalations.filter((e) => e.month === month || e.level === 'commendation');
	const asOf = minute(backlog[0]?.as_of ?? null) ?? only.to;

	return f.document({
		kind: 'complaint-analysis',
		period: month,
		sections: [
			summarySection(f, month, hours, {
				current: sla.find((r) => r.month === month),
				late: late.length,
				asOf,
				open: backlog.reduce((sum, r) => sum + r.complaints, 0),
				escalations: triggered.length
			}),
			slaSection(f, params.sla_min_share, hours, sla),
			breakdownSection(f, month, breakdowns),
			backlogSection(f, asOf, backlog),
			escalationSection(f, month, triggered),
			lateSection(f, month, hours.resolution, late)
		],
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
