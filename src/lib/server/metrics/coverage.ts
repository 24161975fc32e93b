import type { Coverage } from '$lib/domain/metrics/coverage';
import type { MetricQuery } from '$lib/domain/metrics/query';
import { KIND_DEFS, KINDS } from '$lib/domain/records';
import type { Database } from '../db/connection';
import { cached } from './cache';
import { Params } from './sql';

/**
 * How many records of each kind there are, in all and inside the query's from/to window (on the
 * kind's date), so an empty or partly blank chart can name what is missing. Kept with the metric
 * results until the data changes.
 */
export async function coverage(db: Database, query: Pick<MetricQuery, 'from' | 'to'>): Promise<Coverage> {
	return cached(db, JSON.stringify(['coverage', query.from ?? null, query.to ?? null]), async () => {
		const p = new Params();
		const from = query.from ? `CAST(${p.add(query.from)} AS DATE)` : null;
		const to = query.to ? `CAST(${p.add(query.to)} AS DATE)` : null;
		const parts = KINDS.map((kind) => {
			const { table, dateField } = KIND_DEFS[kind];
			const day = `CAST(${dateField} AS DATE)`;
			// A sales period is a month: it is inside when its month is.
			const lower = from && kind === 'sales' ? `CAST(date_trunc('month', ${from}) AS DATE)` : from;
			const inside =
				[lower && `${day} >= ${lower}`, to && `${day} <= ${to}`].filter(Boolean).join(' AND ') || 'TRUE';
			return `SELECT '${kind}' AS kind, count(*) AS total, count(*) FILTER (WHERE ${inside}) AS "window" FROM ${table}`;
		});
		const rows = await db.query(parts.join(' UNION ALL '), p.values);
		return Object.fromEntries(
			rows.map((r) => [String(r.kind), { total: Number(r.total), window: Number(r.window) }])
		) as Coverage;
	});
}
