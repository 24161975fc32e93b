import type { ValueKind } from '$lib/charts/format';

/** overview.kpis: one headline figure of the month with its comparisons. */
export type KpiRow = {
	kpi: string;
	/** The monthly metric and column the figure is read from. */
	metric: string;
	column: string;
	month: string;
	value: number | null;
	previous: number | null;
	last_year: number | null;
	change_mom: number | null;
	change_yoy: number | null;
	better: 'up' | 'down';
};

/** signals: something the overview and reports should point at, with the metric that shows it. */
export type SignalRow = {
	kind: 'pchart' | 'jump' | 'escalation' | 'sla';
	metric: string;
	month: string;
	model: string | null;
	text_zh: string;
	text_en: string;
};

/** How each headline figure of overview.kpis reads (by its kpi id): the overview cards and the reports. */
export const KPI_VALUE_KINDS: Record<string, ValueKind> = {
	repairs: 'count',
	repair_rate: 'per1000',
	turnaround_median: 'hours',
	repair_on_time: 'share',
	repeat_rate: 'share',
	warranty_cost: 'money',
	cost_per_unit: 'money',
	returns: 'count',
	return_rate: 'p',
	complaints: 'count',
	response_on_time: 'share',
	resolution_on_time: 'share',
	csat: 'score',
	nps: 'nps'
};
