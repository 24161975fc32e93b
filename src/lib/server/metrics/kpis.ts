import type { MetricContext } from './definition';

/** A headline figure: one column of a monthly metric, and which direction is good. */
export interface Kpi {
	id: string;
	metric: string;
	column: string;
	better: 'up' | 'down';
	title: { zh: string; en: string };
}

const kpi = (
	id: string,
	metric: string,
	column: string,
	better: Kpi['better'],
	zh: string,
	en: string
): Kpi => ({
	id,
	metric,
	column,
	better,
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
		'Repairs per 1000 in warranty'
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
		'Repairs within target'
	),
	kpi('repeat_rate', 'repairs.repeat', 'repeat_rate_30d', 'down', '30 天返修率', '30-day repeat rate'),
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
	kpi('return_rate', 'returns.monthly', 'return_rate', 'down', '退货率', 'Return rate'),
	kpi('complaints', 'complaints.sla', 'complaints', 'down', '投诉', 'Complaints'),
	kpi(
		'response_on_time',
		'complaints.sla',
		'response_within_target_share',
		'up',
		'投诉响应及时率',
		'Complaint response within target'
	),
	kpi(
		'resolution_on_time',
		'complaints.sla',
		'resolution_within_target_share',
		'up',
		'投诉解决及时率',
		'Complaint resolution within target'
	),
	kpi('csat', 'satisfaction.monthly', 'csat_mean', 'up', '满意度', 'CSAT'),
	kpi('nps', 'satisfaction.monthly', 'nps', 'up', '净推荐值', 'NPS')
];

/** "YYYY-MM" n months before a "YYYY-MM". */
export function monthsBack(month: string, n: number): string {
	const [y, m] = month.split('-').map(Number);
	const index = y * 12 + (m - 1) - n;
	return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** "YYYY-MM-DD" of the last day of a "YYYY-MM". */
export function lastDayOf(month: string): string {
	const [y, m] = month.split('-').map(Number);
	return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * The month to report: the month of --to, else the latest month with repairs, complaints, returns or
 * surveys; and the 13-month window that covers its year-on-year comparison.
 */
export async function kpiMonthRange(
	ctx: MetricContext
): Promise<{ month: string | null; from: string; to: string }> {
	let month = ctx.query.to?.slice(0, 7) ?? null;
	if (!month) {
		const [row] = await ctx.db.query(
			`SELECT strftime(max(d), '%Y-%m') AS m FROM (
				SELECT max(received_at) AS d FROM repairs UNION ALL SELECT max(received_at) FROM complaints
				UNION ALL SELECT max(requested_at) FROM returns UNION ALL SELECT max(responded_at) FROM surveys)`
		);
		month = (row?.m as string | null) ?? null;
	}
	if (!month) return { month: null, from: '', to: '' };
	return { month, from: `${monthsBack(month, 12)}-01`, to: lastDayOf(month) };
}
