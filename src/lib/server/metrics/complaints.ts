import { escalations } from './complaints-escalations';
import { backlog, breakdown } from './complaints-counts';
import type { ComplaintsSlaRow } from '$lib/domain/metrics/complaints';
import type { AnyMetricDefinition, MetricDefinition } from './definition';
import { asOfSql } from './periods';
import { durationUs, Params, monthGridSql, monthSql, whereSql, monthIndexSql, monthOfIndexSql } from './sql';

/**
 * complaints.sla — by month of received_at: complaints, the shares of the month's complaints whose first
 * response (first_response_at − received_at) and resolution (resolved_at − received_at) took at most the
 * configured hours (exactly the target is within), and open = the month's complaints without a resolved
 * time.
 *
 * A share counts a complaint once its outcome is known: it has the time (within target or late), or has
 * none and its deadline (received_at + target) has passed by the complaints' as-of time (the latest
 * received_at of all complaints, periods.ts), which makes it late. The others are still pending:
 * `pending` for the resolution share, `response_pending` for the response share; they are in no
 * denominator, so a month being filled does not look worse than it will be.
 *
 * Months: every month from the first to the last month with a complaint in the filtered window (a month
 * without complaints inside that span appears with 0 and null shares).
 */
const sla: MetricDefinition<'complaints.sla'> = {
	id: 'complaints.sla',
	rowPerMonth: { recordsColumn: 'complaints' },
	dimensions: [],
	filters: ['model', 'region', 'channel', 'supplier'],
	uses: ['response_target_hours', 'resolution_target_hours'],
	async run({ db, query, params }) {
		const p = new Params();
		const where = whereSql(p, query, {
			alias: 'c',
			dateColumn: 'received_at',
			filters: ['model', 'region', 'channel', 'supplier']
		});
		const response = p.add(durationUs(params.response_target_hours, 'hour'));
		const resolution = p.add(durationUs(params.resolution_target_hours, 'hour'));
		const sql = `
			WITH c AS (
				SELECT ${monthIndexSql('c.received_at')} AS mi, c.resolved_at,
					epoch_us(c.first_response_at) - epoch_us(c.received_at) AS response_us,
					epoch_us(c.resolved_at) - epoch_us(c.received_at) AS resolution_us,
					epoch_us(${asOfSql('complaint')}) - epoch_us(c.received_at) AS age_us
				FROM complaints c WHERE ${where}
			),
			agg AS (
				SELECT ${monthOfIndexSql('mi')} AS m, count(*) AS complaints,
					count(*) FILTER (WHERE response_us <= ${response}) AS response_ok,
					count(*) FILTER (WHERE response_us IS NOT NULL OR age_us > ${response}) AS response_known,
					count(*) FILTER (WHERE resolution_us <= ${resolution}) AS resolution_ok,
					count(*) FILTER (WHERE resolution_us IS NOT NULL OR age_us > ${resolution}) AS resolution_known,
					count(*) FILTER (WHERE resolved_at IS NULL) AS open
				FROM c GROUP BY mi
			),
			months AS (
				${monthGridSql('agg')}
			)
			SELECT ${monthSql('m')} AS month, coalesce(complaints, 0) AS complaints,
				CAST(response_ok AS DOUBLE) / nullif(response_known, 0) AS response_within_target_share,
				CAST(resolution_ok AS DOUBLE) / nullif(resolution_known, 0) AS resolution_within_target_share,
				coalesce(open, 0) AS open,
				coalesce(complaints - resolution_known, 0) AS pending,
				coalesce(complaints - response_known, 0) AS response_pending
			FROM months LEFT JOIN agg USING (m) ORDER BY m`;
		// The SELECT list above is the row: its columns, in its order.
		return (await db.query(sql, p.values)) as ComplaintsSlaRow[];
	}
};

/** The complaints metric family. */
export const metrics = [sla, escalations, breakdown, backlog] satisfies AnyMetricDefinition[];
