import {
	formatChange,
	formatPoints,
	MISSING,
	pointsOf,
	type PointsUnit,
	type ValueKind
} from '$lib/charts/format';
import type { MessageKey, Translate } from '$lib/i18n';

/**
 * How a change is measured: 'relative' = (value − base) ÷ |base| (counts, durations, money);
 * 'points' = value − base in the figure's own unit (a share's fraction, per mille, a score).
 */
export type ChangeKind = 'relative' | 'points';

/**
 * overview.kpis: one headline figure of its month (the latest complete month of its record kind, on or
 * before the chosen month) with its comparisons, and the partial month after it (month to date).
 */
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
	change_kind: ChangeKind;
	/** The date the figure's record kind is as of ("YYYY-MM-DD"); null without records. */
	as_of: string | null;
	/** The partial month after `month` and its value so far, never compared; null when there is none. */
	mtd_month: string | null;
	mtd_value: number | null;
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

/** The words around a change in points, by its unit. */
const POINTS_MESSAGES: Record<PointsUnit, MessageKey> = {
	pp: 'overview.changePp',
	permille: 'overview.changePermille',
	points: 'overview.changePoints'
};

/** The message that puts a change in points between two values of `kind` into words ("{value} 个百分点"). */
export const pointsMessage = (kind: ValueKind): MessageKey => POINTS_MESSAGES[pointsOf(kind).unit];

/**
 * A headline figure's change as the overview's cards and the reports say it: relative "+12.0%", or in
 * points in the unit of the values compared — "+1.2 pp" / "+1.2 个百分点", "+0.53 ‰ points", "+0.12 points".
 */
export function changeText(
	change: number | null,
	changeKind: ChangeKind,
	kind: ValueKind,
	locale: string,
	t: Translate
): string {
	if (changeKind === 'relative') return formatChange(change, locale);
	const value = formatPoints(change, kind, locale);
	return value === MISSING ? value : t(pointsMessage(kind), { value });
}
