import type { Database } from '../db/connection';

/**
 * Summaries of the records (the option cubes, the repair rollups) kept per database for one version of
 * the data. The server prepares them at its start and after each write (summaries.ts); the metrics only
 * look them up and read the records while one is not ready, so a CLI run or a request never waits for a
 * build, and a summary of older data is never used.
 */
export class SummaryStore<T> {
	private readonly byDatabase = new WeakMap<
		Database,
		{ version: number; ready: Map<string, T>; building: Map<string, Promise<void>> }
	>();

	/** @param discard frees a summary no longer used (an older version's, or one built too late). */
	constructor(private readonly discard: (db: Database, summary: T) => void = () => undefined) {}

	/** The summary of `key` built for the current version of the data, if it is ready. */
	ready(db: Database, key: string): T | undefined {
		const kept = this.byDatabase.get(db);
		return kept?.version === db.dataVersion ? kept.ready.get(key) : undefined;
	}

	/**
	 * Builds the summary of `key` for the current version unless it is ready or being built; resolves
	 * once it is ready, or its build failed (the records keep answering until the next write's build;
	 * the server's log says why) or was overtaken by a write.
	 */
	prepare(db: Database, key: string, build: () => Promise<T>): Promise<void> {
		const kept = this.current(db);
		if (kept.ready.has(key)) return Promise.resolve();
		let building = kept.building.get(key);
		if (!building) {
			const current = () => this.byDatabase.get(db) === kept && db.dataVersion === kept.version;
			building = build().then(
				(summary) => {
					kept.building.delete(key);
					if (current()) kept.ready.set(key, summary);
					else this.discard(db, summary);
				},
				(error) => {
					kept.building.delete(key);
					if (current()) console.error(`summary ${key}: build failed, the records answer:`, error);
				}
			);
			kept.building.set(key, building);
		}
		return building;
	}

	/** The entry of the current version, replacing (and freeing) an older one. */
	private current(db: Database) {
		const kept = this.byDatabase.get(db);
		if (kept?.version === db.dataVersion) return kept;
		for (const summary of kept?.ready.values() ?? []) this.discard(db, summary);
		const fresh = {
			version: db.dataVersion,
			ready: new Map<string, T>(),
			building: new Map<string, Promise<void>>()
		};
		this.byDatabase.set(db, fresh);
		return fresh;
	}
}
