import type { SatisfactionMonthlyRow } from '$lib/domain/metrics/satisfaction';
import { satisfactionBreakdown, satisfactionDistribution } from './breakdowns';
import type { AnyMetricDefinition, MetricDefinition } from './definition';
import { Params, monthGridSql, monthSql, whereSql, monthIndexSql, monthOfIndexSql } from './sql';

/**
 * satisfaction.monthly — by month of responded_at: responses (all survey records), csat_mean (mean of
 * the answered 1–5 scores), satisfied_share (csat ≥ 4 among answered csat), nps = 100 × (share of
 * nps ≥ 9 − share of nps ≤ 6) among answered nps, plus the two denominators csat_answered and
 * nps_answered. A month where nobody answered a question has null for it.
 *
 * Months: every month from the first to the last month with a response in the filtered window (a month
 * without responses inside that span appears with 0 responses and nulls).
 */
const monthly: MetricDefinition<'satisfaction.monthly'> = {
	id: 'satisfaction.monthly',
	rowPerMonth: { recordsColumn: 'responses' },
	dimensions: [],
	filters: ['model', 'region', 'channel'],
	uses: [],
	async run({ db, query }) {
		const p = new Params();
		const where = whereSql(p, query, {
			alias: 's',
			dateColumn: 'responded_at',
			filters: ['model', 'region', 'channel']
		});
		const sql = `
			WITH s AS (
				SELECT ${monthIndexSql('s.responded_at')} AS mi, s.csat, s.nps
				FROM surveys s WHERE ${where}
			),
			agg AS (
				SELECT ${monthOfIndexSql('mi')} AS m, count(*) AS responses, avg(csat) AS csat_mean,
					count(csat) AS csat_answered, count(*) FILTER (WHERE csat >= 4) AS satisfied,
					count(nps) AS nps_answered,
					count(*) FILTER (WHERE nps >= 9) AS promoters,
					count(*) FILTER (WHERE nps <= 6) AS detractors
				FROM s GROUP BY mi
			),
			months AS (
				${monthGridSql('agg')}
			)
			SELECT ${monthSql('m')} AS month, coalesce(responses, 0) AS responses, csat_mean,
				CAST(satisfied AS DOUBLE) / nullif(csat_answered, 0) AS satisfied_share,
				100 * CAST(promoters - detractors AS DOUBLE) / nullif(nps_answered, 0) AS nps,
				coalesce(csat_answered, 0) AS csat_answered, coalesce(nps_answered, 0) AS nps_answered
			FROM months LEFT JOIN agg USING (m) ORDER BY m`;
		// The SELECT list above is the row: its columns, in its order.
		return (await db.query(sql, p.values)) as SatisfactionMonthlyRow[];
	}
};

/** The satisfaction metric family. */
export const metrics = [
	monthly,
	satisfactionBreakdown,
	satisfactionDistribution
] satisfies AnyMetricDefinition[];
