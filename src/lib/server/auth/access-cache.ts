import type { Database } from '../db/connection';
import type { PlainRow } from '../db/values';

/**
 * The account row behind a session or token secret, kept until a write aside changes anything
 * (Database.asideVersion): every request asks who it acts as, and under load that lookup waited
 * for a read slot behind the metric scans. A login, logout, revocation, password reset, disabled
 * user or role change is such a write, so the next request reads the accounts again; last-use
 * touches are not, and update the kept row themselves (touched).
 */

/** Secrets kept per database; beyond this the kept rows start again from none. */
const MAX_ENTRIES = 10_000;

interface Kept {
	version: number;
	rows: Map<string, Promise<PlainRow | null>>;
}

const byDatabase = new WeakMap<Database, Kept>();

/** The row `read` gives for `key` (a secret's hash with its kind), or null for none; kept as above. */
export function accessRow(
	db: Database,
	key: string,
	read: () => Promise<PlainRow | undefined>
): Promise<PlainRow | null> {
	const version = db.asideVersion;
	let kept = byDatabase.get(db);
	if (!kept || kept.version !== version || kept.rows.size >= MAX_ENTRIES)
		byDatabase.set(db, (kept = { version, rows: new Map() }));
	let row = kept.rows.get(key);
	if (!row) {
		const reading = read().then((r) => r ?? null);
		// A failed read is not kept: the next request tries again.
		reading.catch(() => kept.rows.get(key) === reading && kept.rows.delete(key));
		kept.rows.set(key, (row = reading));
	}
	return row;
}
