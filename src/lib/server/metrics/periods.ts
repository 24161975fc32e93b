import { KIND_DEFS, type Kind } from '$lib/domain/records';
import type { Database } from '../db/connection';
import type { MetricContext } from './definition';
import { cached } from './cache';

/**
 * Complete months and maturing measures, the one place every metric, the overview and the signals ask.
 *
 * A kind's data is "as of" its latest start time: the largest value of the kind's date field
 * (KIND_DEFS[kind].dateField: repairs received_at, complaints received_at, returns requested_at,
 * surveys responded_at), over the whole table whatever the query's window or filters, because a filter
 * narrows what is counted, not how far the imports reach. A month is complete when the as-of date is
 * on or after its last day; the month holding the as-of date is otherwise partial ("month to date").
 */

/** "YYYY-MM" n months before a "YYYY-MM" (n < 0: after). */
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

/** "YYYY-MM-DD" n days after a "YYYY-MM-DD". */
export function addDays(day: string, n: number): string {
	return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The latest complete month for data as of `asOf`: its month when it is that month's last day. With
 * `days`, the latest month whose records have all been followed for that many days (isMature).
 */
export function latestCompleteMonth(asOf: string, days = 0): string {
	let month = asOf.slice(0, 7);
	while (!isMature(month, days, asOf)) month = monthsBack(month, 1);
	return month;
}

/**
 * Is the month complete for data as of `asOf` ("YYYY-MM-DD")? With `days`, has a measure that follows
 * each record of the month for that many days (repeat repairs within 30 days) seen all of them: the
 * month's last day + `days` is on or before the as-of date.
 */
export const isMature = (month: string, days: number, asOf: string) =>
	addDays(lastDayOf(month), days) <= asOf;

/** SQL for the as-of time (a TIMESTAMP, NULL without records) of a kind; identifiers from KIND_DEFS. */
export function asOfSql(kind: Kind): string {
	const { table, dateField } = KIND_DEFS[kind];
	return `(SELECT max(${dateField}) FROM ${table})`;
}

/**
 * The as-of date ("YYYY-MM-DD", null without records) of each kind asked for, in one query; read once
 * per version of the data (the overview, the signals and the maturing metrics all ask).
 */
export async function asOfDates<K extends Kind>(
	db: Database,
	kinds: readonly K[]
): Promise<Record<K, string | null>> {
	const [row] = await cached(db, JSON.stringify(['as-of', kinds]), () =>
		db.query(`SELECT ${kinds.map((k, i) => `strftime(${asOfSql(k)}, '%Y-%m-%d') AS k${i}`).join(', ')}`)
	);
	return Object.fromEntries(kinds.map((k, i) => [k, (row?.[`k${i}`] as string | null) ?? null])) as Record<
		K,
		string | null
	>;
}

/**
 * The month a kind reports when `chosen` ("YYYY-MM", or null for the latest) is asked for: the latest
 * complete month on or before it (with `days`, the latest mature month); and the partial month after it
 * ("month to date"), when there is one and it is not after the chosen month. A maturing measure has no
 * month to date: the months after its latest mature one are all still unknown. Null month without records.
 */
export function reportMonth(
	asOf: string | null,
	chosen: string | null,
	days = 0
): { month: string | null; partial: string | null } {
	if (!asOf) return { month: chosen, partial: null };
	const complete = latestCompleteMonth(asOf, days);
	if (chosen !== null && chosen <= complete) return { month: chosen, partial: null };
	const asOfMonth = asOf.slice(0, 7);
	// The chosen month is after the complete one: the partial month, if any, is at most the chosen one.
	const partial = days === 0 && asOfMonth !== complete && (chosen === null || chosen >= asOfMonth);
	return { month: complete, partial: partial ? asOfMonth : null };
}

/** What a kind reports for a query: its as-of date, its month and the partial month after it. */
export interface KindPeriod {
	asOf: string | null;
	month: string | null;
	partial: string | null;
}

/**
 * The period of each kind asked for, for a query whose `to` (when given) chooses the month: the
 * overview, the signals and the reports default to each kind's latest complete month.
 */
export async function kindPeriods<K extends Kind>(
	{ db, query }: Pick<MetricContext, 'db' | 'query'>,
	kinds: readonly K[]
): Promise<Record<K, KindPeriod>> {
	const asOf = await asOfDates(db, kinds);
	const chosen = query.to?.slice(0, 7) ?? null;
	return Object.fromEntries(
		kinds.map((k) => [k, { asOf: asOf[k], ...reportMonth(asOf[k], chosen) }])
	) as Record<K, KindPeriod>;
}
