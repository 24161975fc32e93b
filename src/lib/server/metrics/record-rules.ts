import { FILTER_COLUMNS, type MetricQuery } from '$lib/domain/metrics/query';
import type { RecordRule, RecordRuleName } from '$lib/domain/metrics/record-rules';
import type { Kind } from '$lib/domain/records';
import { backlogAsOfSql, backlogBucketSql } from './complaints-counts';
import type { MetricParams } from './config';
import { asOfSql } from './periods';
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

type Span = [start: string, end: string];

/** From `start` to `end` took at most `us` (exactly the target is within): a share's numerator. */
const within = (p: Params, alias: string, [start, end]: Span, us: number) =>
	`epoch_us(${alias}.${end}) - epoch_us(${alias}.${start}) <= ${p.add(us)}`;

/**
 * Known to have missed the target: it took longer, or has no `end` and its deadline passed by the
 * as-of time of `kind` (periods.ts) — the shares' denominator (outcome known) less their numerator.
 */
function missed(p: Params, alias: string, [start, end]: Span, us: number, kind: Kind) {
	const target = p.add(us);
	return `coalesce(epoch_us(${alias}.${end}) - epoch_us(${alias}.${start}) > ${target},
		epoch_us(${asOfSql(kind)}) - epoch_us(${alias}.${start}) > ${target})`;
}

const TURNAROUND: Span = ['received_at', 'completed_at'];
const COUNTER: Span = ['requested_at', 'counter_done_at'];
const INSPECTION: Span = ['requested_at', 'inspected_at'];
const RESPONSE: Span = ['received_at', 'first_response_at'];
const RESOLUTION: Span = ['received_at', 'resolved_at'];

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
	// repairs.ts turnaround: completed within the target, exactly the target counts; the share is of
	// all the month's repairs, so one not completed is over the target.
	within_target: (p, { alias, params }) => within(p, alias, TURNAROUND, repairTargetUs(params)),
	over_target: (p, { alias, params }) =>
		`NOT coalesce(${within(p, alias, TURNAROUND, repairTargetUs(params))}, FALSE)`,
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
	// returns.ts monthly shares, over the returns whose outcome is known.
	counter_ok: (p, { alias, params }) =>
		within(p, alias, COUNTER, durationUs(params.counter_target_minutes, 'minute')),
	counter_late: (p, { alias, params }) =>
		missed(p, alias, COUNTER, durationUs(params.counter_target_minutes, 'minute'), 'return'),
	inspection_ok: (p, { alias, params }) =>
		within(p, alias, INSPECTION, durationUs(params.inspection_target_minutes, 'minute')),
	inspection_late: (p, { alias, params }) =>
		missed(p, alias, INSPECTION, durationUs(params.inspection_target_minutes, 'minute'), 'return'),
	// complaints.ts sla, over the complaints whose outcome is known.
	response_ok: (p, { alias, params }) =>
		within(p, alias, RESPONSE, durationUs(params.response_target_hours, 'hour')),
	response_late: (p, { alias, params }) =>
		missed(p, alias, RESPONSE, durationUs(params.response_target_hours, 'hour'), 'complaint'),
	resolution_ok: (p, { alias, params }) =>
		within(p, alias, RESOLUTION, durationUs(params.resolution_target_hours, 'hour')),
	resolution_late: (p, { alias, params }) =>
		missed(p, alias, RESOLUTION, durationUs(params.resolution_target_hours, 'hour'), 'complaint'),
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
	// The satisfied share is of the answered CSAT scores.
	unsatisfied: (_p, { alias }) => `${alias}.csat < 4`,
	csat: (p, { alias, value }) => `${alias}.csat = ${p.add(Number(value))}`,
	nps: (p, { alias, value }) => `${alias}.nps = ${p.add(Number(value))}`,
	blank: (_p, { alias, value, columns }) => {
		// The value becomes an identifier: only a filter's column that the table has.
		const known = Object.values(FILTER_COLUMNS) as string[];
		if (!known.includes(value) || !columns.includes(value))
			throw new MetricQueryError('records.blankRule', { value });
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
