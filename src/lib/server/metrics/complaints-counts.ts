import {
	BACKLOG_BUCKETS,
	COMPLAINT_BREAKDOWN_DIMENSIONS,
	type ComplaintBacklogRow,
	type ComplaintBreakdownRow
} from '$lib/domain/metrics/complaints';
import { countBreakdown } from './breakdowns';
import type { MetricDefinition } from './definition';
import { asOfSql } from './periods';
import { durationUs, Params, whereSql } from './sql';

/** The filters of complaints.sla: breakdowns, backlog and late cases narrow the complaints the shares count. */
export const COMPLAINT_FILTERS = ['model', 'region', 'channel', 'supplier'] as const;

/**
 * complaints.breakdown — complaints received in the window counted by one dimension: key, count,
 * share, by count descending then key. Complaints without a value stay one group with key null,
 * placed last: the shares are of all complaints of the window, so the counts add up to the
 * complaints.sla monthly totals of the same window and filters.
 */
export const breakdown: MetricDefinition<'complaints.breakdown'> = {
	id: 'complaints.breakdown',
	dimensions: COMPLAINT_BREAKDOWN_DIMENSIONS,
	filters: COMPLAINT_FILTERS,
	uses: [],
	run: async ({ db, query }) =>
		(await countBreakdown(db, query, {
			id: 'complaints.breakdown',
			table: 'complaints',
			dateColumn: 'received_at',
			dimensions: COMPLAINT_BREAKDOWN_DIMENSIONS,
			filters: COMPLAINT_FILTERS
		})) satisfies ComplaintBreakdownRow[]
};

/** Upper edges of the age buckets (inclusive), in microseconds, youngest first; older is '>7d'. */
const BUCKET_EDGES: [ComplaintBacklogRow['bucket'], number][] = [
	['0-4h', durationUs(4, 'hour')],
	['4-48h', durationUs(48, 'hour')],
	['2-7d', durationUs(7, 'day')]
];

/** The moment complaints.backlog judges (a TIMESTAMP expression): see below. */
export const backlogAsOfSql = (p: Params, to: string | undefined): string =>
	to ? `least(CAST(${p.add(to)} AS DATE) + INTERVAL 1 DAY, ${asOfSql('complaint')})` : asOfSql('complaint');

/** The age bucket (a VARCHAR expression) of an age in microseconds. */
export const backlogBucketSql = (p: Params, ageUs: string): string =>
	`CASE ${BUCKET_EDGES.map(([name, edge]) => `WHEN ${ageUs} <= ${p.add(edge)} THEN '${name}'`).join(' ')} ELSE '>7d' END`;

/**
 * complaints.backlog — the complaints open at one moment, by age. The moment (as_of) is the end of the
 * window's last day (midnight after --to) or the complaints' as-of time (their latest received_at,
 * periods.ts), whichever is earlier: a past month is judged at its end, the current one at the data's
 * reach. Open: received before that moment (and before the end of --to) and not resolved by it (no
 * resolved time, or one after it). Age: as_of − received_at, in buckets 0–4 h, 4–48 h, 2–7 d and
 * > 7 d whose upper edges are inclusive (exactly 4 h is 0–4 h, as exactly the target is within it in
 * complaints.sla). --from is not applied: a complaint received before the window and still open is
 * part of the backlog. Four rows always, oldest bucket first.
 */
export const backlog: MetricDefinition<'complaints.backlog'> = {
	id: 'complaints.backlog',
	dimensions: [],
	filters: COMPLAINT_FILTERS,
	uses: [],
	async run({ db, query }) {
		const p = new Params();
		const where = whereSql(
			p,
			{ ...query, from: undefined },
			{ alias: 'c', dateColumn: 'received_at', filters: COMPLAINT_FILTERS }
		);
		const asOf = backlogAsOfSql(p, query.to);
		const bucket = backlogBucketSql(p, 'age_us');
		// Our own bucket names, not user values: written into the SQL.
		const order = BACKLOG_BUCKETS.map((b, i) => `('${b}', ${i})`).join(', ');
		const sql = `
			WITH a AS (SELECT CAST(${asOf} AS TIMESTAMP) AS as_of),
			o AS (
				SELECT c.received_at, ${bucket} AS bucket
				FROM (
					SELECT c.received_at, epoch_us(a.as_of) - epoch_us(c.received_at) AS age_us
					FROM complaints c, a
					WHERE ${where} AND c.received_at <= a.as_of AND (c.resolved_at IS NULL OR c.resolved_at > a.as_of)
				) c
			)
			SELECT b.bucket, count(o.received_at) AS complaints,
				CAST(count(o.received_at) AS DOUBLE) / nullif(sum(count(o.received_at)) OVER (), 0) AS share,
				strftime(min(o.received_at), '%Y-%m-%d %H:%M:%S') AS oldest_received_at,
				strftime(any_value(a.as_of), '%Y-%m-%d %H:%M:%S') AS as_of
			FROM (VALUES ${order}) b(bucket, ord) CROSS JOIN a LEFT JOIN o USING (bucket)
			GROUP BY b.bucket, b.ord ORDER BY b.ord`;
		// The SELECT list above is the row: its columns, in its order.
		return (await db.query(sql, p.values)) as ComplaintBacklogRow[];
	}
};
