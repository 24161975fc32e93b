import type { Database } from '../db/connection';
import type { PlainRow } from '../db/values';

/**
 * Results kept by key for one version of what they were read from: the data changes only when
 * something is written (an import, an undo), so asking again costs nothing until then, and identical
 * requests arriving together share one computation. Each caller gets its own copy, so no caller can
 * change what another one reads.
 */

/**
 * Results kept per database and version kind; the least recently used go first beyond this. A result
 * is a few KiB (monthly rows, a Pareto), so the whole cache stays in the tens of MiB.
 */
const MAX_ENTRIES = 2000;

interface Kept {
	version: number;
	entries: Map<string, Promise<unknown>>;
}

/**
 * A cache whose entries last as long as `version(db)` stays the same. `shared`: callers get the kept
 * value itself, not a copy (rows they are meant to update in place).
 */
function resultCache(version: (db: Database) => number, { shared = false } = {}) {
	const byDatabase = new WeakMap<Database, Kept>();
	return {
		/** Whether a result for `key` is kept (or being computed) for the current version. */
		has(db: Database, key: string): boolean {
			const kept = byDatabase.get(db);
			return !!kept && kept.version === version(db) && kept.entries.has(key);
		},
		async get<T>(db: Database, key: string, compute: () => Promise<T>): Promise<T> {
			const current = version(db);
			let kept = byDatabase.get(db);
			if (!kept || kept.version !== current)
				byDatabase.set(db, (kept = { version: current, entries: new Map() }));
			let result = kept.entries.get(key) as Promise<T> | undefined;
			if (result) {
				kept.entries.delete(key);
			} else {
				result = compute();
				// A failure is not kept: the next request tries again.
				result.catch(() => kept.entries.get(key) === result && kept.entries.delete(key));
			}
			kept.entries.set(key, result);
			if (kept.entries.size > MAX_ENTRIES) kept.entries.delete(kept.entries.keys().next().value!);
			return shared ? result : structuredClone(await result);
		}
	};
}

/** Metric results, by (metric, query, parameters), until the data changes (Database.dataVersion). */
const metricResults = resultCache((db) => db.dataVersion);

/** Reads of the tables written aside (assessments, rectifications), until one of them is written. */
const asideResults = resultCache((db) => db.asideVersion);

/** Whether a metric result for `key` is kept (or being computed) for the current version of the data. */
export const isCached = (db: Database, key: string) => metricResults.has(db, key);

/** The metric result kept for `key`, computed when there is none for the current version of the data. */
export const cached = <T>(db: Database, key: string, compute: () => Promise<T>): Promise<T> =>
	metricResults.get(db, key, compute);

/** The result kept for `key`, computed when there is none since the last write aside (Database.asideVersion). */
export const cachedAside = <T>(db: Database, key: string, compute: () => Promise<T>): Promise<T> =>
	asideResults.get(db, key, compute);

/**
 * The account row behind a session or token secret (`key`), null for none, until a write aside changes
 * anything: every request asks who it acts as, and under load that lookup waited for a read slot
 * behind the metric scans. A login, logout, revocation, password reset, disabled user or role change
 * is such a write; last-use touches are not (Database.writeAside `touch`) and update the kept row.
 */
const accessRows = resultCache((db) => db.asideVersion, { shared: true });

export const keptAccessRow = (
	db: Database,
	key: string,
	read: () => Promise<PlainRow | undefined>
): Promise<PlainRow | null> => accessRows.get(db, key, async () => (await read()) ?? null);
