import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
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

export type TempDatabase = Awaited<ReturnType<typeof tempDatabase>>;
/** The temp database of a block, as its tests see it: the hooks open and remove it. */
export type BlockDatabase = Readonly<Omit<TempDatabase, 'remove'>>;

/**
 * A temp database for the tests of the enclosing block, filled by `fill` and removed after them; with
 * `each`, a fresh one for every test. Its fields are getters, read inside the tests once the hook ran.
 */
export function useTempDatabase(
	options: { each?: boolean; fill?: (db: Database) => Promise<unknown>; timeout?: number } = {}
): BlockDatabase {
	let current: TempDatabase | undefined;
	const open = (): TempDatabase => {
		if (!current) throw new Error('the temp database exists only while its block runs');
		return current;
	};
	const [before, after] = options.each ? [beforeEach, afterEach] : [beforeAll, afterAll];
	before(async () => {
		current = await tempDatabase();
		await options.fill?.(current.db);
	}, options.timeout);
	after(() => {
		current?.remove();
		current = undefined;
	});
	return {
		get db() {
			return open().db;
		},
		get dir() {
			return open().dir;
		},
		get path() {
			return open().path;
		}
	};
}

export async function count(db: Database, sql: string, params: (string | number)[] = []): Promise<number> {
	const rows = await db.query(sql, params);
	return Number(Object.values(rows[0])[0]);
}
