import { settings } from '$lib/server/config';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { readColumns, type Column } from './columns';
import { MIGRATIONS } from './migrations';
import { toPlainRow, type PlainRow } from './values';

export type SqlParams = DuckDBValue[] | Record<string, DuckDBValue>;

/** The database file is held by another process (the running server, or another CLI run). */
export class DatabaseBusyError extends Error {
	constructor(
		readonly path: string,
		detail: string
	) {
		super(
			`The database ${path} is in use by another process (${detail}). ` +
				`Stop the workbench server, or import through the web page while it runs. / ` +
				`数据库文件正被其他进程占用，请先停止工作台服务，或在网页中导入。`
		);
		this.name = 'DatabaseBusyError';
	}
}

export function defaultDbPath(): string {
	return settings().WORKBENCH_DB;
}

/**
 * One DuckDB file per process. Reads run on their own connections and go on during an import;
 * writes take the write lock so that only one transaction changes data at a time.
 */
export class Database {
	private writeQueue: Promise<unknown> = Promise.resolve();

	private constructor(
		readonly path: string,
		private readonly instance: DuckDBInstance
	) {}

	static async open(path: string): Promise<Database> {
		if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
		let instance: DuckDBInstance;
		try {
			instance = await DuckDBInstance.create(path);
		} catch (error) {
			const message = String((error as Error).message ?? error);
			if (/lock/i.test(message)) throw new DatabaseBusyError(path, message.split('\n')[0]);
			throw error;
		}
		const db = new Database(path, instance);
		await db.migrate();
		return db;
	}

	async connect(): Promise<DuckDBConnection> {
		return this.instance.connect();
	}

	/** Runs a read query on a fresh connection and returns JSON-safe rows. */
	async query(sql: string, params?: SqlParams): Promise<PlainRow[]> {
		const conn = await this.connect();
		try {
			const reader = await conn.runAndReadAll(sql, params);
			return reader.getRowObjects().map(toPlainRow);
		} finally {
			conn.closeSync();
		}
	}

	/** Runs a read query and returns its columns as typed arrays (see readColumns for the column types). */
	async queryColumns(sql: string, params?: SqlParams): Promise<Column[]> {
		const conn = await this.connect();
		try {
			const result = await conn.run(sql, params);
			return readColumns(result.columnTypes(), await result.fetchAllChunks());
		} finally {
			conn.closeSync();
		}
	}

	/**
	 * Runs fn inside one transaction while holding the write lock. Any error rolls everything back,
	 * so a failed write leaves the database exactly as it was.
	 */
	async write<T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
		return this.session((conn) => transaction(conn, () => fn(conn)));
	}

	/**
	 * Holds the write lock and a connection of its own for fn: work that prepares a write outside a
	 * transaction (temp tables) and then commits with transaction().
	 */
	async session<T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
		return this.exclusive(async () => {
			const conn = await this.connect();
			try {
				return await fn(conn);
			} finally {
				conn.closeSync();
			}
		});
	}

	/** Serialises work that must not overlap with another write (preparation outside a transaction included). */
	exclusive<T>(fn: () => Promise<T>): Promise<T> {
		const run = this.writeQueue.then(fn, fn);
		this.writeQueue = run.catch(() => undefined);
		return run;
	}

	close(): void {
		this.instance.closeSync();
	}

	private async migrate(): Promise<void> {
		const conn = await this.connect();
		try {
			await conn.run(
				'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)'
			);
			const applied = new Set(
				(await conn.runAndReadAll('SELECT version FROM schema_migrations'))
					.getRowObjects()
					.map((r) => Number(r.version))
			);
			for (const migration of MIGRATIONS) {
				if (applied.has(migration.version)) continue;
				await transaction(conn, async () => {
					await conn.run(migration.sql);
					await conn.run('INSERT INTO schema_migrations VALUES ($1, $2, current_localtimestamp())', [
						migration.version,
						migration.name
					]);
				}).catch((error) => {
					throw new Error(`Migration ${migration.version} (${migration.name}) failed: ${String(error)}`);
				});
			}
		} finally {
			conn.closeSync();
		}
	}
}

/** Runs fn between BEGIN and COMMIT on conn; any error rolls back and is rethrown. */
export async function transaction<T>(conn: DuckDBConnection, fn: () => Promise<T>): Promise<T> {
	await conn.run('BEGIN TRANSACTION');
	try {
		const result = await fn();
		await conn.run('COMMIT');
		return result;
	} catch (error) {
		await conn.run('ROLLBACK').catch(() => undefined);
		throw error;
	}
}

const opened = new Map<string, Promise<Database>>();

/** The process-wide database for a path (default: WORKBENCH_DB or data/workbench.duckdb). */
export function getDatabase(path = defaultDbPath()): Promise<Database> {
	let db = opened.get(path);
	if (!db) {
		db = Database.open(path);
		opened.set(path, db);
		db.catch(() => opened.delete(path));
	}
	return db;
}

export async function closeDatabase(path = defaultDbPath()): Promise<void> {
	const db = opened.get(path);
	opened.delete(path);
	if (db) (await db).close();
}
