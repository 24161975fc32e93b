import type { Coverage } from '$lib/domain/metrics/coverage';
import type { MetricQuery } from '$lib/domain/metrics/query';
import { KIND_DEFS, KINDS, type Kind } from '$lib/domain/records';
import type { Database } from '../db/connection';
import { cached } from './cache';

/** Records of a kind on one day of its date field (null: records without a date). */
interface DayCount {
	kind: Kind;
	day: string | null;
	count: number;
}

/**
 * The records of every kind by day, read once per version of the data (a few thousand rows): each
 * window's coverage is then a sum, not a scan of every table.
 */
const dayCounts = (db: Database): Promise<DayCount[]> =>
	cached(db, JSON.stringify(['coverage.days']), async () => {
		const parts = KINDS.map((kind) => {
			const { table, dateField } = KIND_DEFS[kind];
			// Grouped by the DATE, then the few days turned to text: grouping millions of strings is 7× slower.
			return `SELECT '${kind}' AS kind, CAST(day AS VARCHAR) AS day, count FROM (
				SELECT CAST(${dateField} AS DATE) AS day, count(*) AS count FROM ${table} GROUP BY 1)`;
		});
		const rows = await db.query(parts.join(' UNION ALL '));
		return rows.map((r) => ({
			kind: r.kind as Kind,
			day: r.day === null ? null : String(r.day),
			count: Number(r.count)
		}));
	});

/**
 * How many records of each kind there are, in all and inside the query's from/to window (on the
 * kind's date), so an empty or partly blank chart can name what is missing. A record without a date is
 * inside only a window without bounds.
 */
export async function coverage(db: Database, query: Pick<MetricQuery, 'from' | 'to'>): Promise<Coverage> {
	const out = Object.fromEntries(KINDS.map((kind) => [kind, { total: 0, window: 0 }])) as Coverage;
	for (const { kind, day, count } of await dayCounts(db)) {
		// A sales period is a month: it is inside when its month is.
		const from = kind === 'sales' ? query.from && `${query.from.slice(0, 7)}-01` : query.from;
		const inside =
			(!query.from && !query.to) ||
			(day !== null && (!from || day >= from) && (!query.to || day <= query.to));
		out[kind].total += count;
		if (inside) out[kind].window += count;
	}
	return out;
}
