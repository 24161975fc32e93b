import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { availableParallelism } from 'node:os';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { UserError } from '$lib/domain/errors';
import { settings } from '$lib/server/config';
import type { Column } from './columns';
import { MIGRATIONS } from './migrations';
import { Sql, type SqlParams } from './sql';
import type { PlainRow } from './values';

/** The database file is held by another process (the running server, or another CLI run). */
export class DatabaseBusyError extends UserError {
	constructor(
		readonly path: string,
		detail: string
	) {
		super('system.databaseBusy', { path, detail });
		// English first, as it has always been said: the English half names the file and the cause.
		this.message = `${this.in('en')} / ${this.in('zh-CN')}`;
	}
}

function defaultDbPath(): string {
	return settings().WORKBENCH_DB;
}

/**
 * Reads that run inside DuckDB at once. DuckDB already spreads one query over every core, so more
 * queries side by side only share the same cores and each holds its own working memory: under 50
 * concurrent users, unlimited reads took the server to 1.8 GB and made every request wait for all.
 */
export const READ_SLOTS = Math.max(2, availableParallelism());

/** The reads one piece of work (an HTTP request) has started and not finished. */
interface Work {
	reads: number;
}

const works = new AsyncLocalStorage<Work>();

/**
 * Runs fn as one piece of work for the read queue (see Database.reading): a request that runs one
 * short query is not put behind the dozen queries of a page that arrived just before it.
 */
export const asOneWork = <T>(fn: () => Promise<T>): Promise<T> => works.run({ reads: 0 }, fn);

/** A read waiting for a slot. */
interface WaitingRead {
	work: Work;
	since: number;
	start: () => void;
}

/** After this long a waiting read goes first whatever its work, so a busy page is never starved. */
export const MAX_OVERTAKEN_MS = 300;

/**
 * Of the reads waiting (in arrival order, not empty), the one a freed slot starts at `now`: the first
 * read of the work with the fewest reads outstanding, unless the earliest has waited MAX_OVERTAKEN_MS.
 */
export function nextReadIndex(queue: readonly Pick<WaitingRead, 'work' | 'since'>[], now: number): number {
	let best = 0;
	if (now - queue[0].since >= MAX_OVERTAKEN_MS) return best;
	for (let i = 1; i < queue.length; i++) if (queue[i].work.reads < queue[best].work.reads) best = i;
	return best;
}

/**
 * One DuckDB file per process. Reads run on their own connections and go on during an import;
 * writes take the write lock so that only one transaction changes data at a time.
 */
export class Database {
	private writeQueue: Promise<unknown> = Promise.resolve();
	private writes = 0;
	private asides = 0;
	private readonly changeListeners: (() => void)[] = [];
	private reads = 0;
	private readonly readQueue: WaitingRead[] = [];
	/** Connections of finished reads, kept for the next ones: opening one per query cost more than small queries. */
	private readonly idleReaders: DuckDBConnection[] = [];

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

	/** Runs a read query on a fresh connection and returns JSON-safe rows. */
	query(sql: string, params?: SqlParams): Promise<PlainRow[]> {
		return this.reading((conn) => conn.all(sql, params));
	}

	/** Runs a read query and returns its columns as typed arrays (see readColumns for the column types). */
	queryColumns(sql: string, params?: SqlParams): Promise<Column[]> {
		return this.reading((conn) => conn.columns(sql, params));
	}

	/**
	 * Runs fn inside one transaction while holding the write lock. Any error rolls everything back,
	 * so a failed write leaves the database exactly as it was.
	 */
	async write<T>(fn: (conn: Sql) => Promise<T>): Promise<T> {
		return this.session((conn) => conn.transaction(() => fn(conn)));
	}

	/**
	 * Holds the write lock and a connection of its own for fn: work that prepares a write outside a
	 * transaction (temp tables) and then commits with Sql.transaction().
	 */
	async session<T>(fn: (conn: Sql) => Promise<T>): Promise<T> {
		return this.exclusive(() => this.connected(fn));
	}

	/**
	 * Changes whenever a write starts or ends, so a result computed from the data can be kept under the
	 * version it was read at: a read that overlaps a write sees a version no later read will see again.
	 */
	get dataVersion(): number {
		return this.writes;
	}

	/**
	 * A write to tables no metric reads — accounts, sessions and tokens, the audit log, assessments and
	 * their evidence, report snapshots and schedules: the write lock and a transaction like write(), but
	 * the data version stays, so the metric results kept for everyone survive a sign-in, a download or an
	 * assessment edit. Records, defect names and metric settings go through write().
	 */
	async writeAside<T>(fn: (conn: Sql) => Promise<T>, options: { touch?: boolean } = {}): Promise<T> {
		const counted = async () => {
			if (!options.touch) this.asides++;
			try {
				return await this.connected((conn) => conn.transaction(() => fn(conn)));
			} finally {
				if (!options.touch) this.asides++;
			}
		};
		const run = this.writeQueue.then(counted, counted);
		this.writeQueue = run.catch(() => undefined);
		return run;
	}

	/**
	 * Changes whenever a write aside starts or ends, except a `touch` (a session's or token's last use,
	 * which changes no one's access): who a request acts as can be kept under it (keptAccessRow, metrics/cache.ts).
	 */
	get asideVersion(): number {
		return this.asides;
	}

	/** Calls `listener` after each write that moved the data version (write, session, exclusive) has ended. */
	onDataChange(listener: () => void): void {
		this.changeListeners.push(listener);
	}

	/** Serialises work that must not overlap with another write (preparation outside a transaction included). */
	exclusive<T>(fn: () => Promise<T>): Promise<T> {
		const counted = async () => {
			this.writes++;
			try {
				return await fn();
			} finally {
				this.writes++;
				for (const listener of this.changeListeners) listener();
			}
		};
		const run = this.writeQueue.then(counted, counted);
		this.writeQueue = run.catch(() => undefined);
		return run;
	}

	close(): void {
		for (const conn of this.idleReaders.splice(0)) conn.closeSync();
		this.instance.closeSync();
	}

	/**
	 * connected() within READ_SLOTS. A read beyond them waits; a freed slot goes to the waiting read of
	 * the work with the fewest reads outstanding (then the earliest), so one request's many queries take
	 * turns with other requests' few instead of queueing them all behind, unless a read has waited
	 * MAX_OVERTAKEN_MS. Reads outside asOneWork are each a work of their own.
	 */
	private async reading<T>(fn: (conn: Sql) => Promise<T>): Promise<T> {
		const work = works.getStore() ?? { reads: 0 };
		work.reads++;
		if (this.reads < READ_SLOTS) this.reads++;
		// The finishing read hands its slot over without giving it back, so no newcomer overtakes.
		else await new Promise<void>((start) => this.readQueue.push({ work, since: performance.now(), start }));
		try {
			const conn = this.idleReaders.pop() ?? (await this.instance.connect());
			try {
				return await fn(new Sql(conn));
			} finally {
				this.idleReaders.push(conn);
			}
		} finally {
			work.reads--;
			const next = this.nextRead();
			if (next) next.start();
			else this.reads--;
		}
	}

	/** The waiting read to start next (see reading), taken off the queue. */
	private nextRead(): WaitingRead | undefined {
		if (!this.readQueue.length) return undefined;
		return this.readQueue.splice(nextReadIndex(this.readQueue, performance.now()), 1)[0];
	}

	/** Runs fn on a connection of its own, closed afterwards. */
	private async connected<T>(fn: (conn: Sql) => Promise<T>): Promise<T> {
		const conn = await this.instance.connect();
		try {
			return await fn(new Sql(conn));
		} finally {
			conn.closeSync();
		}
	}

	private migrate(): Promise<void> {
		return this.connected(async (conn) => {
			await conn.run(
				'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)'
			);
			const applied = new Set(
				(await conn.all('SELECT version FROM schema_migrations')).map((r) => r.version)
			);
			for (const migration of MIGRATIONS) {
				if (applied.has(migration.version)) continue;
				await conn
					.transaction(async () => {
						await conn.run(migration.sql);
						await conn.run('INSERT INTO schema_migrations VALUES ($1, $2, current_localtimestamp())', [
							migration.version,
							migration.name
						]);
					})
					.catch((error) => {
						throw new Error(`Migration ${migration.version} (${migration.name}) failed: ${String(error)}`);
					});
			}
		});
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
