/**
 * Record rules: named conditions that select the records behind one figure of a chart when no filter
 * can (the exchanges of a month, a heat-map cell, the responses with score 4). A drill-down sends them
 * as `rule=NAME` or `rule=NAME:VALUE` to GET /api/records/TABLE; the SQL of each is in
 * server/metrics/record-rules.ts, written from the metric that counts the figure. A share has two:
 * its numerator (`…_ok`, `within_target`, `satisfied`) and the rest of its denominator (`…_late`,
 * `over_target`, `unsatisfied`), whose counts make the share.
 */
import { UserError } from '../errors';
export const RECORD_RULES = {
	// repairs
	sold_month: { table: 'repairs', value: /^\d{4}-(0[1-9]|1[0-2])$/ },
	mis_upto: { table: 'repairs', value: /^\d{1,3}$/ },
	within_target: { table: 'repairs', value: null },
	over_target: { table: 'repairs', value: null },
	repeat_30d: { table: 'repairs', value: null },
	repeat_90d: { table: 'repairs', value: null },
	first_failure: { table: 'repairs', value: /^(all|warranty)$/ },
	// returns
	return_kind: { table: 'returns', value: /^(return_only|exchange|refund)$/ },
	counter_ok: { table: 'returns', value: null },
	counter_late: { table: 'returns', value: null },
	inspection_ok: { table: 'returns', value: null },
	inspection_late: { table: 'returns', value: null },
	// complaints
	response_ok: { table: 'complaints', value: null },
	response_late: { table: 'complaints', value: null },
	resolution_ok: { table: 'complaints', value: null },
	resolution_late: { table: 'complaints', value: null },
	open: { table: 'complaints', value: null },
	backlog: { table: 'complaints', value: /^(0-4h|4-48h|2-7d|>7d)$/ },
	// surveys
	satisfied: { table: 'surveys', value: null },
	unsatisfied: { table: 'surveys', value: null },
	csat: { table: 'surveys', value: /^[1-5]$/ },
	nps: { table: 'surveys', value: /^([0-9]|10)$/ },
	// any table: the column (a filter's column the table has) is empty, the blank bar of a breakdown
	blank: { table: '*', value: /^[a-z_]+$/ }
} as const satisfies Record<string, { table: string; value: RegExp | null }>;

export type RecordRuleName = keyof typeof RECORD_RULES;

export interface RecordRule {
	name: RecordRuleName;
	value?: string;
}

export const ruleParam = (rule: RecordRule): string =>
	rule.value === undefined ? rule.name : `${rule.name}:${rule.value}`;

/** `NAME` or `NAME:VALUE` → a rule of `table`, or the reason it is refused. */
export function parseRule(table: string, text: string): RecordRule | { error: UserError } {
	const at = text.indexOf(':');
	const name = at < 0 ? text : text.slice(0, at);
	const value = at < 0 ? undefined : text.slice(at + 1);
	const def = (RECORD_RULES as Record<string, { table: string; value: RegExp | null }>)[name];
	const names = Object.entries(RECORD_RULES)
		.filter(([, d]) => d.table === table || d.table === '*')
		.map(([n]) => n)
		.join(', ');
	if (!def || (def.table !== table && def.table !== '*'))
		return { error: new UserError('records.unknownRule', { table, rules: names || '-', name }) };
	if (def.value === null ? value !== undefined : value === undefined || !def.value.test(value)) {
		const pattern = def.value ? String(def.value) : '-';
		return { error: new UserError('records.badRuleValue', { name, value: value ?? '', pattern }) };
	}
	return { name: name as RecordRuleName, value };
}
