import type { MetricParams } from '../metrics/config';
import { kpiMonthRange, lastDayOf, monthsBack } from '../metrics/kpis';
import { ReportError } from './errors';
import type { ReportContext } from './builders';

/** The month a monthly report covers: the one asked for, else the month the overview would show. */
export async function reportPeriod(ctx: ReportContext, params: MetricParams): Promise<string> {
	if (ctx.period) return ctx.period;
	const { month } = await kpiMonthRange({ db: ctx.db, params, query: { filters: {} } });
	if (!month) throw new ReportError(422, 'report.error.noData');
	return month;
}

/** The 13 months up to and including `month`: a year of trend and its year-on-year comparison. */
export function trendWindow(month: string): { from: string; to: string } {
	return { from: `${monthsBack(month, 12)}-01`, to: lastDayOf(month) };
}

/** The day after a YYYY-MM-DD (an exclusive end). */
export function nextDay(day: string): string {
	const d = new Date(`${day}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + 1);
	return d.toISOString().slice(0, 10);
}
