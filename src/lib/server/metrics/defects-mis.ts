import type { MisRow } from '$lib/domain/metrics/defects';
import type { MetricContext } from './definition';
import {
	coverageMonthsSql,
	coverageSql,
	REPAIR_RATE_FILTERS,
	repairMonths,
	salesWhereSql
} from './defects-sql';
import { repairSource } from './repair-rollups';
import { monthOfIndexSql, monthSql, Params } from './sql';

/**
 * The months-in-service (warranty) triangle: cohort, mis, claims, units, cum_claims_per_1000.
 *
 * - A claim is a repair with sold_at (filtered by model/category/region, in_warranty and from/to
 *   on received_at); its cohort is the month of sold_at, mis = months from that month to the month
 *   of received_at. A received-before-sold repair (mis < 0) is a data error and is left out.
 * - The observation window is the repair data's coverage narrowed by from/to (coverageSql); its
 *   last month is the analysis end (--to, else the latest received_at).
 * - Cohorts are the sales months inside the window with units sold (filtered), plus months of
 *   sold_at inside it that have claims but no sales rows (units 0, rate null). A cohort sold
 *   before the window is left out: its early months in service were not observed, so its
 *   cumulative curve would start too low.
 * - Each cohort gets a row for every mis from 0 to the analysis end, zeros filled, so the
 *   triangle is complete (over the window's months of coverageMonthsSql: a repair dated decades
 *   off adds one cell per cohort, not one per month between); cum_claims_per_1000 = claims up to
 *   mis ÷ units × 1000.
 */
export async function misTriangle({ db, query, params }: MetricContext): Promise<MisRow[]> {
	const p = new Params();
	const repairs = repairSource(p, db, query, params, { filters: REPAIR_RATE_FILTERS, by: ['sold_mi'] });
	const salesWhere = salesWhereSql(p, query);
	const months = await repairMonths(db);
	const sold = repairs.column('sold_mi');
	const sql = `
		WITH span AS (${coverageSql(p, query, months)}),
		cohort_units AS (
			SELECT s.period AS cohort, sum(s.units) AS units
			FROM sales s, span
			WHERE ${salesWhere} AND s.period BETWEEN span.first_month AND span.last_month
			GROUP BY 1 HAVING sum(s.units) > 0
		),
		claims AS (
			SELECT ${monthOfIndexSql('ci')} AS cohort, mis, claims FROM (
				SELECT ${sold} AS ci, ${repairs.month} - ${sold} AS mis, ${repairs.count()} AS claims
				FROM ${repairs.from} WHERE ${repairs.where} AND ${sold} IS NOT NULL GROUP BY 1, 2)
		),
		cohorts AS (
			SELECT cohort FROM cohort_units
			UNION
			SELECT cohort FROM claims, span WHERE cohort BETWEEN span.first_month AND span.last_month
		),
		cells AS (
			SELECT c.cohort, date_diff('month', c.cohort, g.m) AS mis
			FROM cohorts c JOIN (${coverageMonthsSql(p, 'span', months)}) g ON g.m >= c.cohort
		)
		SELECT ${monthSql('cells.cohort')} AS cohort, cells.mis,
			CAST(coalesce(claims.claims, 0) AS BIGINT) AS claims,
			CAST(coalesce(cohort_units.units, 0) AS BIGINT) AS units,
			CAST(sum(coalesce(claims.claims, 0)) OVER (PARTITION BY cells.cohort ORDER BY cells.mis) AS BIGINT) AS cum_claims
		FROM cells
		LEFT JOIN claims ON claims.cohort = cells.cohort AND claims.mis = cells.mis
		LEFT JOIN cohort_units ON cohort_units.cohort = cells.cohort
		ORDER BY cells.cohort, cells.mis`;
	const rows = await db.query(sql, p.values);
	return rows.map((r) => {
		const units = Number(r.units);
		return {
			cohort: String(r.cohort),
			mis: Number(r.mis),
			claims: Number(r.claims),
			units,
			cum_claims_per_1000: units > 0 ? (Number(r.cum_claims) * 1000) / units : null
		};
	});
}
