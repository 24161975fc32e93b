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

/** Which way a signal points: a quality figure getting worse, or improving. */
export type SignalDirection = 'worse' | 'better';

/** signals: something the overview and reports should point at, with the metric that shows it. */
export type SignalRow = {
	kind: 'pchart' | 'jump' | 'escalation' | 'sla';
	metric: string;
	month: string;
	model: string | null;
	text_zh: string;
	text_en: string;
	/** null for a signal without a direction (an escalation, a missed target). */
	direction: SignalDirection | null;
};
