import { ESCALATION_LEVELS, type EscalationRow } from '$lib/domain/metrics/complaints';
import type { FilterName } from '$lib/domain/metrics/query';
import type { MetricContext, MetricDefinition } from './definition';
import { monthIndexSql, monthOfIndexSql, monthSql, Params, whereSql } from './sql';
import { repairSource } from './repair-rollups';

/**
 * complaints.escalations — the supplier escalation rules (DESIGN.md), on the complaints received in the
 * window (--from/--to on received_at) that match the filters and name a supplier. Columns: supplier,
 * month ("YYYY-MM", null for a commendation), year, issue (complaint category), complaints, level.
 *
 * - verbal-warning / final-warning: a supplier's complaints of one category in one month exceed
 *   verbal_warning_over / final_warning_over; one row per supplier, month and issue with the highest
 *   level reached. Complaints without a category count for no issue.
 * - exit-review ("asked to leave"): the calendar month right after a final-warning month of the same
 *   supplier and issue is again at verbal-warning level or above; the row carries that next month and
 *   its complaints (it appears beside that month's own warning row).
 * - complaint-fund: the supplier's cumulative complaints (all categories, counted from the start of the
 *   window) exceed complaint_fund_over; month = the month the cumulative count first exceeded it,
 *   complaints = the cumulative count at the end of that month, issue null. Once per supplier.
 * - commendation: a supplier with no complaints in a calendar year in which it appears (same filters) in
 *   repairs (received_at) or returns (requested_at) — sales have no supplier. Only years the complaint
 *   data covers (some complaint, any supplier, received by the end of January and from December on) and,
 *   with --from/--to, years wholly inside the window. month null, year the year, complaints 0.
 *
 * Ordered by month (a commendation after the December of its year), supplier, issue (null last), level.
 */
export const escalations: MetricDefinition<'complaints.escalations'> = {
	id: 'complaints.escalations',
	dimensions: [],
	filters: ['supplier', 'region', 'model'],
	uses: ['verbal_warning_over', 'final_warning_over', 'complaint_fund_over'],
	run: (ctx) => escalationRows(ctx, { commendations: true })
};

/**
 * The rows of complaints.escalations; without commendations (signals, which point at the month's
 * warnings only) the repairs and returns of the window are not read.
 */
export async function escalationRows(
	{ db, query, params }: MetricContext,
	options: { commendations: boolean }
): Promise<EscalationRow[]> {
	const p = new Params();
	const filters = ['supplier', 'region', 'model'] as const;
	const where = whereSql(p, query, { alias: 'c', dateColumn: 'received_at', filters });
	const verbal = p.add(params.verbal_warning_over);
	const final = p.add(params.final_warning_over);
	const fund = p.add(params.complaint_fund_over);
	const commendations = options.commendations ? commendationsSql(p, { db, query, params }, filters) : null;
	// Our own constants, not user values: written into the SQL.
	const levelRank = `CASE level ${ESCALATION_LEVELS.map((l, i) => `WHEN '${l}' THEN ${i}`).join(' ')} END`;
	const sql = `
		WITH c AS (
			SELECT c.supplier, c.category, ${monthIndexSql('c.received_at')} AS mi
			FROM complaints c WHERE ${where} AND c.supplier IS NOT NULL
		),
		issue_months AS (
			SELECT supplier, ${monthOfIndexSql('mi')} AS m, category AS issue, count(*) AS n
			FROM c WHERE category IS NOT NULL GROUP BY supplier, mi, category
		),
		warnings AS (
			SELECT supplier, m, issue, n,
				CASE WHEN n > ${final} THEN 'final-warning' ELSE 'verbal-warning' END AS level
			FROM issue_months WHERE n > ${verbal} OR n > ${final}
		),
		exits AS (
			SELECT b.supplier, b.m, b.issue, b.n, 'exit-review' AS level
			FROM warnings a JOIN warnings b ON a.supplier = b.supplier AND a.issue = b.issue
				AND b.m = CAST(a.m + INTERVAL 1 MONTH AS DATE)
			WHERE a.level = 'final-warning'
		),
		running AS (
			SELECT supplier, ${monthOfIndexSql('mi')} AS m, sum(count(*)) OVER (PARTITION BY supplier ORDER BY mi) AS total
			FROM c GROUP BY supplier, mi
		),
		fund AS (
			SELECT supplier, min(m) AS m, CAST(arg_min(total, m) AS BIGINT) AS n
			FROM running WHERE total > ${fund} GROUP BY supplier
		),
		${commendations ? `${commendations},` : ''}
		levels AS (
			SELECT supplier, m, year(m) AS y, issue, n, level FROM warnings
			UNION ALL SELECT supplier, m, year(m), issue, n, level FROM exits
			UNION ALL SELECT supplier, m, year(m), NULL, n, 'complaint-fund' FROM fund
			${commendations ? "UNION ALL SELECT supplier, NULL, y, NULL, 0, 'commendation' FROM commendations" : ''}
		)
		SELECT supplier, ${monthSql('m')} AS month, CAST(y AS INTEGER) AS year, issue,
			CAST(n AS BIGINT) AS complaints, level
		FROM levels
		ORDER BY coalesce(${monthSql('m')}, y || '-13'), supplier, issue NULLS LAST, ${levelRank}`;
	// The SELECT list above is the row: its columns, in its order.
	return (await db.query(sql, p.values)) as EscalationRow[];
}

/** CTEs ending in `commendations (supplier, y)`, over the complaints CTE `c` (see the metric's rules). */
function commendationsSql(
	p: Params,
	{ db, query, params }: MetricContext,
	filters: readonly FilterName[]
): string {
	const window = whereSql(
		p,
		{ ...query, filters: {} },
		{ alias: 'c', dateColumn: 'received_at', filters: [] }
	);
	const repairs = repairSource(p, db, query, params, { filters });
	const returns = whereSql(p, query, { alias: 't', dateColumn: 'requested_at', filters });
	const yearInWindow = [
		query.from ? `AND make_date(pr.y, 1, 1) >= CAST(${p.add(query.from)} AS DATE)` : '',
		query.to ? `AND make_date(pr.y, 12, 31) <= CAST(${p.add(query.to)} AS DATE)` : ''
	].join(' ');
	return `span AS (SELECT min(c.received_at) AS lo, max(c.received_at) AS hi FROM complaints c WHERE ${window}),
		present AS (
			SELECT r.supplier, ${repairs.month} // 12 AS y FROM ${repairs.from}
			WHERE ${repairs.where} AND r.supplier IS NOT NULL
			UNION
			SELECT t.supplier, year(t.requested_at) AS y FROM returns t
			WHERE ${returns} AND t.supplier IS NOT NULL
		),
		commendations AS (
			SELECT pr.supplier, pr.y FROM present pr, span
			WHERE span.lo < make_date(pr.y, 2, 1) AND span.hi >= make_date(pr.y, 12, 1) ${yearInWindow}
				AND NOT EXISTS (SELECT 1 FROM c WHERE c.supplier = pr.supplier AND c.mi // 12 = pr.y)
		)`;
}
