import { RETURN_BREAKDOWN_DIMENSIONS, type ReturnBreakdownRow } from '$lib/domain/metrics/returns';
import {
	SATISFACTION_BREAKDOWN_DIMENSIONS,
	type SatisfactionBreakdownRow,
	type SatisfactionDistributionRow
} from '$lib/domain/metrics/satisfaction';
import type { FilterName, MetricQuery } from '$lib/domain/metrics/query';
import type { Database } from '../db/connection';
import type { MetricDefinition } from './definition';
import { Params, whereSql } from './sql';

/** The filters of returns.monthly and satisfaction.monthly, so the breakdowns add up to them. */
const RETURN_FILTERS = ['model', 'region', 'channel', 'supplier'] as const;
const SURVEY_FILTERS = ['model', 'region', 'channel'] as const;

/**
 * The column a breakdown groups by: query.by (default the first dimension). The registry checked it
 * against the dimensions; checked again here because the name becomes an identifier in the SQL.
 */
function breakdownColumn(id: string, dimensions: readonly string[], query: MetricQuery): string {
	const by = query.by ?? dimensions[0];
	if (!dimensions.includes(by)) throw new Error(`${id}: bad dimension ${by}`);
	return by;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/**
 * The rows of a count breakdown: the records of `table` in the window by query.by, key (null: no value,
 * placed last), count and share of all the window's records, by count descending then key; `sums` are
 * SQL aggregates over the group (alias `t`) added to each row as numbers or null.
 */
export async function countBreakdown(
	db: Database,
	query: MetricQuery,
	spec: {
		id: string;
		table: string;
		dateColumn: string;
		dimensions: readonly string[];
		filters: readonly FilterName[];
		sums?: Record<string, string>;
	}
): Promise<
	({ key: string | null; count: number; share: number } & Record<string, number | string | null>)[]
> {
	const by = breakdownColumn(spec.id, spec.dimensions, query);
	const p = new Params();
	const where = whereSql(p, query, { alias: 't', dateColumn: spec.dateColumn, filters: spec.filters });
	const sums = Object.entries(spec.sums ?? {});
	const rows = await db.query(
		`SELECT t.${by} AS key, count(*) AS count${sums.map(([name, sql]) => `, ${sql} AS ${name}`).join('')}
		 FROM ${spec.table} t WHERE ${where}
		 GROUP BY 1 ORDER BY key IS NULL, count DESC, key`,
		p.values
	);
	const total = rows.reduce((sum, r) => sum + Number(r.count), 0);
	return rows.map((r) => ({
		...Object.fromEntries(sums.map(([name]) => [name, num(r[name])])),
		key: r.key === null ? null : String(r.key),
		count: Number(r.count),
		share: Number(r.count) / total
	}));
}

/**
 * returns.breakdown — returns requested in the window counted by one dimension: key, count, share,
 * and the sums of quantity and amount, by count descending then key. Returns without a value stay one
 * group with key null, placed last: the shares are of all returns of the window, so the counts add up
 * to the returns.monthly totals of the same window and filters.
 */
export const returnsBreakdown: MetricDefinition<'returns.breakdown'> = {
	id: 'returns.breakdown',
	dimensions: RETURN_BREAKDOWN_DIMENSIONS,
	filters: RETURN_FILTERS,
	uses: [],
	run: async ({ db, query }) =>
		(await countBreakdown(db, query, {
			id: 'returns.breakdown',
			table: 'returns',
			dateColumn: 'requested_at',
			dimensions: RETURN_BREAKDOWN_DIMENSIONS,
			filters: RETURN_FILTERS,
			sums: { quantity: 'sum(t.quantity)', amount: 'CAST(sum(t.amount) AS DOUBLE)' }
		})) as ReturnBreakdownRow[]
};

/**
 * satisfaction.breakdown — survey responses in the window by one dimension: count (responses), share
 * of all responses, and per key the figures of satisfaction.monthly (csat_mean, satisfied_share, nps
 * and their denominators). By count descending then key; no value (key null) last, so the counts add
 * up to the satisfaction.monthly responses of the same window and filters.
 */
export const satisfactionBreakdown: MetricDefinition<'satisfaction.breakdown'> = {
	id: 'satisfaction.breakdown',
	dimensions: SATISFACTION_BREAKDOWN_DIMENSIONS,
	filters: SURVEY_FILTERS,
	uses: [],
	async run({ db, query }) {
		const by = breakdownColumn('satisfaction.breakdown', SATISFACTION_BREAKDOWN_DIMENSIONS, query);
		const p = new Params();
		const where = whereSql(p, query, { alias: 's', dateColumn: 'responded_at', filters: SURVEY_FILTERS });
		const sql = `
			SELECT s.${by} AS key, count(*) AS count,
				CAST(count(*) AS DOUBLE) / sum(count(*)) OVER () AS share,
				avg(s.csat) AS csat_mean,
				CAST(count(*) FILTER (WHERE s.csat >= 4) AS DOUBLE) / nullif(count(s.csat), 0) AS satisfied_share,
				100 * CAST(count(*) FILTER (WHERE s.nps >= 9) - count(*) FILTER (WHERE s.nps <= 6) AS DOUBLE)
					/ nullif(count(s.nps), 0) AS nps,
				count(s.csat) AS csat_answered, count(s.nps) AS nps_answered
			FROM surveys s WHERE ${where}
			GROUP BY 1 ORDER BY key IS NULL, count DESC, key`;
		// The SELECT list above is the row: its columns, in its order.
		return (await db.query(sql, p.values)) as SatisfactionBreakdownRow[];
	}
};

/**
 * satisfaction.distribution — the answers in the window per score: csat 1–5 then nps 0–10, every
 * score always present (0 when nobody gave it). share = the score's answers ÷ the answers on that
 * scale, so the counts of a scale add up to csat_answered / nps_answered of satisfaction.monthly.
 */
export const satisfactionDistribution: MetricDefinition<'satisfaction.distribution'> = {
	id: 'satisfaction.distribution',
	dimensions: [],
	filters: SURVEY_FILTERS,
	uses: [],
	async run({ db, query }) {
		const p = new Params();
		const where = whereSql(p, query, { alias: 's', dateColumn: 'responded_at', filters: SURVEY_FILTERS });
		const sql = `
			WITH s AS (SELECT s.csat, s.nps FROM surveys s WHERE ${where}),
			grid AS (
				SELECT 'csat' AS scale, 0 AS ord, CAST(range AS INTEGER) AS score FROM range(1, 6)
				UNION ALL SELECT 'nps', 1, CAST(range AS INTEGER) FROM range(0, 11)
			),
			answers AS (
				SELECT 'csat' AS scale, CAST(csat AS INTEGER) AS score FROM s WHERE csat IS NOT NULL
				UNION ALL SELECT 'nps', CAST(nps AS INTEGER) FROM s WHERE nps IS NOT NULL
			),
			counts AS (SELECT scale, score, count(*) AS n FROM answers GROUP BY ALL)
			SELECT g.scale, g.score, coalesce(c.n, 0) AS count,
				CAST(coalesce(c.n, 0) AS DOUBLE) / nullif(sum(coalesce(c.n, 0)) OVER (PARTITION BY g.scale), 0) AS share
			FROM grid g LEFT JOIN counts c USING (scale, score)
			ORDER BY g.ord, g.score`;
		// The SELECT list above is the row: its columns, in its order.
		return (await db.query(sql, p.values)) as SatisfactionDistributionRow[];
	}
};
