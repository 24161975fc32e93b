import type { RepeatRow, TurnaroundRow } from '$lib/domain/metrics/repairs';
import type { Plain } from '../db/values';
import { REPAIR_FILTERS, repairsWhereSql } from './defects-sql';
import type { AnyMetricDefinition, MetricContext } from './definition';
import { asOfDates, isMature } from './periods';
import { REPEAT_DAYS, repairSource } from './repair-rollups';
import { durationUs, monthIndexSql, monthOfIndexSql, monthSql, Params, US_PER } from './sql';

/**
 * The repairs metric family: turnaround and repeat repairs, by month received (`received_at`).
 *
 * Months: a row for each month in which at least one repair (after the date range and the filters)
 * was received; an empty window gives no rows. `from`/`to` are inclusive dates on `received_at`.
 */

const FILTERS = REPAIR_FILTERS;

/** Used when data/metrics.json has no target (the schema requires one; this is a fallback only). */
const DEFAULT_TARGET_HOURS = 72;

/** The turnaround target in microseconds (repairs.turnaround and its drill-down rule). */
export const repairTargetUs = (params: MetricContext['params']) =>
	durationUs(params.repair_target_hours ?? DEFAULT_TARGET_HOURS, 'hour');

const num = (v: Plain | undefined): number | null => (v === null || v === undefined ? null : Number(v));

/**
 * `repairs.turnaround`: hours = completed_at − received_at.
 * - median_hours / p90_hours: continuous quantiles (quantile_cont) over the month's completed repairs;
 *   null when none is completed.
 * - within_target_share: repairs completed within the target (hours ≤ target: exactly the target
 *   counts as within) ÷ ALL repairs received in the month; an uncompleted repair is not within target.
 */
async function turnaround({ db, query, params }: MetricContext): Promise<TurnaroundRow[]> {
	const p = new Params();
	const where = repairsWhereSql(p, query, params, FILTERS);
	const target = p.add(repairTargetUs(params));
	// Microseconds until the end: integer quantiles are cheaper than doubles, and exact.
	const rows = await db.query(
		`WITH t AS (
			SELECT ${monthIndexSql('r.received_at')} AS mi, epoch_us(r.completed_at) - epoch_us(r.received_at) AS us
			FROM repairs r WHERE ${where}
		)
		SELECT ${monthSql(monthOfIndexSql('mi'))} AS month, count(*) AS repairs,
			quantile_cont(us, [0.5, 0.9]) AS quantiles_us,
			CAST(count(*) FILTER (WHERE us <= ${target}) AS DOUBLE) / count(*) AS within_target_share
		FROM t GROUP BY mi ORDER BY mi`,
		p.values
	);
	const hours = (r: Record<string, Plain>, i: number) => {
		const q = r.quantiles_us as Plain[] | null;
		return q?.[i] === null || q?.[i] === undefined ? null : Number(q[i]) / US_PER.hour;
	};
	return rows.map((r) => ({
		month: String(r.month),
		repairs: Number(r.repairs),
		median_hours: hours(r, 0),
		p90_hours: hours(r, 1),
		within_target_share: num(r.within_target_share)
	}));
}

/**
 * `repairs.repeat`: a repair R (serial S, received at t) is a repeat within N days when S has another
 * repair received in (t, t + N days] — strictly after t, and exactly N days later still counts. Two
 * repairs of one serial with the same received_at are not repeats of each other (neither is after the
 * other; a double entry is not a second failure). Repairs without a serial_no (NULL or blank) count in
 * `repairs` but never repeat. The month is R's month; a rate is repeats ÷ repairs of that month.
 *
 * The look-ahead uses ALL repairs of the serial, not only those inside from/to or the filters: a repair
 * received on the last day of the window that comes back a week later, or comes back to another
 * service centre or supplier, is still a repeat.
 *
 * Maturity: a month's N-day figures are known once every repair of it has been followed for N days,
 * i.e. the month's last day + N days is on or before the repairs' as-of date (periods.ts); before that
 * repeat_Nd and repeat_rate_Nd are null (a partial count would only rise) and mature_Nd is false.
 */
async function repeat({ db, query, params }: MetricContext): Promise<RepeatRow[]> {
	const p = new Params();
	const repairs = repairSource(p, db, query, params, { filters: FILTERS });
	const counts = REPEAT_DAYS.map((n) => `${repairs.repeats(n)} AS repeat_${n}d`).join(', ');
	const [rows, { repair: asOf }] = await Promise.all([
		db.query(
			`SELECT ${monthSql(monthOfIndexSql('mi'))} AS month, repairs, ${REPEAT_DAYS.map((n) => `repeat_${n}d`).join(', ')}
		FROM (
			SELECT ${repairs.month} AS mi, ${repairs.count()} AS repairs, ${counts}
			FROM ${repairs.from} WHERE ${repairs.where} GROUP BY mi
		) ORDER BY mi`,
			p.values
		),
		asOfDates(db, ['repair'])
	]);
	return rows.map((r) => {
		const month = String(r.month);
		const repairs = Number(r.repairs);
		const out: Record<string, string | number | boolean | null> = { month, repairs };
		const mature = REPEAT_DAYS.map((n) => asOf !== null && isMature(month, n, asOf));
		REPEAT_DAYS.forEach((n, i) => {
			const repeats = Number(r[`repeat_${n}d`]);
			out[`repeat_${n}d`] = mature[i] ? repeats : null;
			out[`repeat_rate_${n}d`] = mature[i] && repairs ? repeats / repairs : null;
		});
		REPEAT_DAYS.forEach((n, i) => (out[`mature_${n}d`] = mature[i]));
		// The columns are named from REPEAT_DAYS, the days RepeatRow names.
		return out as RepeatRow;
	});
}

export const metrics = [
	{
		id: 'repairs.turnaround',
		rowPerMonth: {},
		dimensions: [],
		filters: FILTERS,
		uses: ['repair_target_hours'],
		run: turnaround
	},
	{ id: 'repairs.repeat', dimensions: [], filters: FILTERS, uses: [], rowPerMonth: {}, run: repeat }
] satisfies AnyMetricDefinition[];
