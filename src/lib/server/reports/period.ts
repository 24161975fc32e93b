import type { Kind } from '$lib/domain/records';
import type { Database } from '../db/connection';
import { addDays, kindPeriods, lastDayOf, monthsBack } from '../metrics/periods';
import { ReportError } from './errors';

/**
 * The month a monthly report covers: the one asked for, else the latest complete month of the kind
 * it is about (repairs for the executive review, complaints for the complaint analysis). A month not
 * yet complete is refused: its figures would change with the next import, and a report is kept. So is
 * a month after the data: the overview's figures would fall back to the latest complete month and be
 * printed under the asked one.
 */
export async function reportPeriod(db: Database, asked: string | null, kind: Kind): Promise<string> {
	const periods = await kindPeriods({ db, query: { filters: {} } }, [kind]);
	const { asOf, month } = periods[kind];
	if (!asOf || !month) throw new ReportError(422, 'report.error.noData');
	if (!asked) return month;
	if (asked <= month) return asked;
	const key = asked <= asOf.slice(0, 7) ? 'report.error.partialMonth' : 'report.error.afterData';
	throw new ReportError(422, key, { period: asked, asOf, complete: month });
}

/** The 13 months up to and including `month`: a year of trend and its year-on-year comparison. */
export function trendWindow(month: string): { from: string; to: string } {
	return { from: `${monthsBack(month, 12)}-01`, to: lastDayOf(month) };
}

/** The day after a YYYY-MM-DD (an exclusive end). */
export const nextDay = (day: string) => addDays(day, 1);
