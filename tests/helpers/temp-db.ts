import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../../src/lib/server/db/connection';

/** A real DuckDB file in a fresh temp folder; remove() closes and deletes it. */
export async function tempDatabase(): Promise<{
	db: Database;
	dir: string;
	path: string;
	remove: () => void;
}> {
	const dir = mkdtempSync(join(tmpdir(), 'workbench-test-'));
	const path = join(dir, 'test.duckdb');
	const db = await Database.open(path);
	return {
		db,
		dir,
		path,
		remove: () => {
			db.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

export async function count(db: Database, sql: string, params: (string | number)[] = []): Promise<number> {
	const rows = await db.query(sql, params);
	return Number(Object.values(rows[0])[0]);
}
