import { FILTER_COLUMNS, type MetricQuery } from '$lib/domain/metrics/query';
import type { RecordRule, RecordRuleName } from '$lib/domain/metrics/record-rules';
import { backlogAsOfSql, backlogBucketSql } from './complaints-counts';
import type { MetricParams } from './config';
import { repairTargetUs } from './repairs';
import { MetricQueryError } from './errors';
import { durationUs, monthIndexSql, warrantyMonthsSql, type Params } from './sql';

interface RuleContext {
	alias: string;
	params: MetricParams;
	query: MetricQuery;
	/** The table's columns. */
	columns: readonly string[];
}
type RuleSql = (p: Params, ctx: RuleContext & { value: string }) => string;

/**
 * Each rule's condition on the record aliased `alias`, the same condition the metric that counts
 * the figure uses (the file named beside it), so the records' count is the figure.
 */
const RULE_SQL: Record<RecordRuleName, RuleSql> = {
	// defects-mis.ts: the cohort is the month of sold_at, mis the months from it to received_at.
	sold_month: (p, { alias, value }) => `strftime(${alias}.sold_at, '%Y-%m') = ${p.add(value)}`,
	// The heat map's cell is cumulative: the claims of the cohort up to that month in service.
	mis_upto: (p, { alias, value }) => {
		const mis = `${monthIndexSql(`${alias}.received_at`)} - ${monthIndexSql(`${alias}.sold_at`)}`;
		return `${alias}.sold_at IS NOT NULL AND ${mis} BETWEEN 0 AND ${p.add(Number(value))}`;
	},
	// repairs.ts turnaround: completed within the target, exactly the target counts.
	within_target: (p, { alias, params }) =>
		`epoch_us(${alias}.completed_at) - epoch_us(${alias}.received_at) <= ${p.add(repairTargetUs(params))}`,
	// repairs.ts repeat: the serial's next repair within N days.
	repeat_30d: (p, { alias }) =>
		`epoch_us(${alias}.next_repair_at) - epoch_us(${alias}.received_at) <= ${p.add(durationUs(30, 'day'))}`,
	repeat_90d: (p, { alias }) =>
		`epoch_us(${alias}.next_repair_at) - epoch_us(${alias}.received_at) <= ${p.add(durationUs(90, 'day'))}`,
	// warranty.ts: a unit's first repair after its sale; `warranty`: at most W months (of 30.4375 days) old.
	first_failure: (p, { alias, value, params }) => {
		const days = `(CAST(${alias}.received_at AS DATE) - ${alias}.sold_at)`;
		const first = `${alias}.first_repair_of_unit AND ${days} >= 0`;
		if (value === 'all') return first;
		return `${first} AND ${days} <= ${warrantyMonthsSql(p, params, `${alias}.product_model`)} * 30.4375`;
	},
	// returns.ts: "returns" in the chart are neither exchanges nor refunds (no type included).
	return_kind: (p, { alias, value }) =>
		value === 'return_only'
			? `${alias}.return_type IS DISTINCT FROM 'exchange' AND ${alias}.return_type IS DISTINCT FROM 'refund'`
			: `${alias}.return_type = ${p.add(value)}`,
	counter_ok: (p, { alias, params }) =>
		`epoch_us(${alias}.counter_done_at) - epoch_us(${alias}.requested_at) <= ${p.add(durationUs(params.counter_target_minutes, 'minute'))}`,
	inspection_ok: (p, { alias, params }) =>
		`epoch_us(${alias}.inspected_at) - epoch_us(${alias}.requested_at) <= ${p.add(durationUs(params.inspection_target_minutes, 'minute'))}`,
	// complaints.ts sla.
	response_ok: (p, { alias, params }) =>
		`epoch_us(${alias}.first_response_at) - epoch_us(${alias}.received_at) <= ${p.add(durationUs(params.response_target_hours, 'hour'))}`,
	resolution_ok: (p, { alias, params }) =>
		`epoch_us(${alias}.resolved_at) - epoch_us(${alias}.received_at) <= ${p.add(durationUs(params.resolution_target_hours, 'hour'))}`,
	open: (_p, { alias }) => `${alias}.resolved_at IS NULL`,
	// complaints-counts.ts backlog: open at the as-of moment, in the bucket of its age then.
	backlog: (p, { alias, value, query }) => {
		const asOf = `CAST(${backlogAsOfSql(p, query.to)} AS TIMESTAMP)`;
		const age = `(epoch_us(${asOf}) - epoch_us(${alias}.received_at))`;
		return `${alias}.received_at <= ${asOf} AND (${alias}.resolved_at IS NULL OR ${alias}.resolved_at > ${asOf})
			AND ${backlogBucketSql(p, age)} = ${p.add(value)}`;
	},
	// satisfaction.ts monthly and the score distribution.
	satisfied: (_p, { alias }) => `${alias}.csat >= 4`,
	csat: (p, { alias, value }) => `${alias}.csat = ${p.add(Number(value))}`,
	nps: (p, { alias, value }) => `${alias}.nps = ${p.add(Number(value))}`,
	blank: (_p, { alias, value, columns }) => {
		// The value becomes an identifier: only a filter's column that the table has.
		const known = Object.values(FILTER_COLUMNS) as string[];
		if (!known.includes(value) || !columns.includes(value))
			throw new MetricQueryError('records.badRule', { detail: `blank: no filter column "${value}"` });
		return `${alias}.${value} IS NULL`;
	}
};

/** The rules' conditions joined with AND ("TRUE" without rules). */
export function rulesSql(p: Params, rules: readonly RecordRule[], ctx: RuleContext): string {
	return ['TRUE', ...rules.map((r) => `(${RULE_SQL[r.name](p, { ...ctx, value: r.value ?? '' })})`)].join(
		' AND '
	);
}

/** Backlog is judged at a moment, not over a window: the records query drops `from` for it. */
export const ignoresFrom = (rules: readonly RecordRule[]) => rules.some((r) => r.name === 'backlog');
