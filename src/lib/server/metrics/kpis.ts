import type { Kind } from '$lib/domain/records';

/**
 * The record kind whose as-of date decides which months of a monthly metric are complete: the kind
 * whose date field the metric groups by (sales are a denominator, not the month's events).
 */
const METRIC_KIND: Record<string, Kind> = {
	'defects.monthly': 'repair',
	'repairs.turnaround': 'repair',
	'repairs.repeat': 'repair',
	'cost.monthly': 'repair',
	'returns.monthly': 'return',
	'complaints.sla': 'complaint',
	'satisfaction.monthly': 'survey'
};

/**
 * How a headline figure's change is measured: counts, durations and money relative to the base (%);
 * fractions (shares, rates of 0–1) as their difference in percentage points, per-mille rates in
 * per-mille points, scores (CSAT, NPS) in points. All but 'relative' are change_kind 'points'.
 */
export type KpiChange = 'relative' | 'pp' | 'permille' | 'points';

/**
 * A headline figure: one column of a monthly metric, which direction is good, how a change is measured,
 * and for a maturing measure the days each record is followed (its month is the latest mature one).
 */
export interface Kpi {
	id: string;
	metric: string;
	column: string;
	kind: Kind;
	better: 'up' | 'down';
	change: KpiChange;
	matureDays: number;
	title: { zh: string; en: string };
}

const kpi = (
	id: string,
	metric: string,
	column: string,
	better: Kpi['better'],
	zh: string,
	en: string,
	change: KpiChange = 'relative',
	matureDays = 0
): Kpi => ({
	id,
	metric,
	column,
	kind: METRIC_KIND[metric],
	better,
	change,
	matureDays,
	title: { zh, en }
});

export const KPIS: Kpi[] = [
	kpi('repairs', 'defects.monthly', 'repairs', 'down', '维修工单', 'Repair orders'),
	kpi(
		'repair_rate',
		'defects.monthly',
		'rate_per_1000',
		'down',
		'千台维修率',
		'Repairs per 1000 in warranty',
		'permille'
	),
	kpi(
		'turnaround_median',
		'repairs.turnaround',
		'median_hours',
		'down',
		'维修周期中位数（小时）',
		'Median turnaround (h)'
	),
	kpi(
		'repair_on_time',
		'repairs.turnaround',
		'within_target_share',
		'up',
		'维修及时率',
		'Repairs within target',
		'pp'
	),
	kpi(
		'repeat_rate',
		'repairs.repeat',
		'repeat_rate_30d',
		'down',
		'30 天返修率',
		'30-day repeat rate',
		'pp',
		30
	),
	kpi('warranty_cost', 'cost.monthly', 'warranty_total', 'down', '质保成本', 'Warranty cost'),
	kpi(
		'cost_per_unit',
		'cost.monthly',
		'warranty_cost_per_unit_sold',
		'down',
		'单台质保成本',
		'Warranty cost per unit sold'
	),
	kpi('returns', 'returns.monthly', 'returns', 'down', '退换货', 'Returns'),
	kpi('return_rate', 'returns.monthly', 'return_rate', 'down', '退货率', 'Return rate', 'pp'),
	kpi('complaints', 'complaints.sla', 'complaints', 'down', '投诉', 'Complaints'),
	kpi(
		'response_on_time',
		'complaints.sla',
		'response_within_target_share',
		'up',
		'投诉响应及时率',
		'Complaint response within target',
		'pp'
	),
	kpi(
		'resolution_on_time',
		'complaints.sla',
		'resolution_within_target_share',
		'up',
		'投诉解决及时率',
		'Complaint resolution within target',
		'pp'
	),
	kpi('csat', 'satisfaction.monthly', 'csat_mean', 'up', '满意度', 'CSAT', 'points'),
	kpi('nps', 'satisfaction.monthly', 'nps', 'up', '净推荐值', 'NPS', 'points')
];
