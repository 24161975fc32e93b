import type { Database } from '../db/connection';

/**
 * Metric results kept by (metric, query, parameters) for one version of the data: the data changes
 * only when something is written (an import, an undo), so asking again costs nothing until then, and
 * identical requests arriving together share one computation. Each caller gets its own copy, so no
 * caller can change what another one reads.
 */

/**
 * Results kept per database; the least recently used go first beyond this. A result is a few KiB
 * (monthly rows, a Pareto), so the whole cache stays in the tens of MiB.
 */
const MAX_ENTRIES = 2000;

interface Kept {
	version: number;
	entries: Map<string, Promise<unknown>>;
}

const byDatabase = new WeakMap<Database, Kept>();

/** Whether a result for `key` is kept (or being computed) for the current version of the data. */
export function isCached(db: Database, key: string): boolean {
	const kept = byDatabase.get(db);
	return !!kept && kept.version === db.dataVersion && kept.entries.has(key);
}

export async function cached<T>(db: Database, key: string, compute: () => Promise<T>): Promise<T> {
	const version = db.dataVersion;
	let kept = byDatabase.get(db);
	if (!kept || kept.version !== version) byDatabase.set(db, (kept = { version, entries: new Map() }));
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
	return structuredClone(await result);
}
