import { createHash } from 'node:crypto';
import {
	closeSync,
	copyFileSync,
	existsSync,
	mkdirSync,
	openSync,
	readdirSync,
	readFileSync,
	readSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { UserError } from '$lib/domain/errors';
import { settings, type Settings } from '../config';
import { Database } from './connection';
import { MIGRATIONS } from './migrations';
import { Sql } from './sql';

/**
 * Backup and restore of everything the workbench keeps: every table (DuckDB EXPORT DATABASE as
 * Parquet, sequences at their current values), the files outside the database (evidence, stored reports) and the
 * metric configuration. A manifest lists each table's row count and checksum and the SHA-256 of each
 * file, the exported table files included; restore checks the hashes, builds the database in a temp
 * file, checks it against the manifest, and only then puts it and the files in place — a failed
 * restore changes nothing.
 */

const FORMAT = 'service-quality-workbench-backup';

/** Folders of files kept outside the database, by the setting that locates them. */
const FOLDERS = [
	['evidence', 'WORKBENCH_EVIDENCE'],
	['reports', 'WORKBENCH_REPORTS']
] as const satisfies readonly [string, keyof Settings][];
/** Single files of configuration. */
const FILES = [['metrics.json', 'WORKBENCH_METRICS']] as const satisfies readonly [string, keyof Settings][];

export interface TableCheck {
	rows: number;
	/** Sum of the 64-bit hashes of every row: equal for equal contents in any order. */
	checksum: string;
}

export interface BackupFile {
	/** Relative to the backup folder. */
	path: string;
	sha256: string;
	size: number;
}

export interface BackupManifest {
	format: typeof FORMAT;
	createdAt: string;
	schemaVersion: number;
	tables: Record<string, TableCheck>;
	/**
	 * The exported table files. Optional, and apart from `files` (which restore puts back), so that
	 * backups made before it was added still restore and an older workbench can read newer backups.
	 */
	database?: BackupFile[];
	files: BackupFile[];
}

const latestSchema = () => Math.max(...MIGRATIONS.map((m) => m.version));

async function tableChecks(conn: Sql): Promise<Record<string, TableCheck>> {
	const tables = await conn.all(
		`SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' ORDER BY table_name`
	);
	const out: Record<string, TableCheck> = {};
	for (const { table_name } of tables) {
		// Table names come from the catalogue, not from a request; quoted as identifiers.
		const name = `"${String(table_name).replace(/"/g, '""')}"`;
		const [row] = await conn.all(
			`SELECT count(*) AS n, coalesce(sum(hash(t)::HUGEINT), 0)::VARCHAR AS h FROM ${name} t`
		);
		out[String(table_name)] = { rows: Number(row.n), checksum: String(row.h) };
	}
	return out;
}

function filesUnder(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile() && !e.name.startsWith('.'))
		.map((e) => join(e.parentPath, e.name))
		.sort();
}

/** Read in chunks: an exported table file can be larger than one buffer may hold. */
function sha256(path: string): string {
	const hash = createHash('sha256');
	const chunk = Buffer.alloc(1 << 20);
	const fd = openSync(path, 'r');
	try {
		for (let n; (n = readSync(fd, chunk)) > 0;) hash.update(chunk.subarray(0, n));
	} finally {
		closeSync(fd);
	}
	return hash.digest('hex');
}

function describeFile(dir: string, path: string): BackupFile {
	const full = join(dir, path);
	return { path, sha256: sha256(full), size: statSync(full).size };
}

/** Where each backed-up file came from and goes back to. */
function fileSources(): { path: string; source: string }[] {
	const s = settings();
	return [
		...FOLDERS.flatMap(([name, setting]) =>
			filesUnder(s[setting]).map((source) => ({ path: join(name, relative(s[setting], source)), source }))
		),
		...FILES.filter(([, setting]) => existsSync(s[setting])).map(([name, setting]) => ({
			path: join('config', name),
			source: s[setting]
		}))
	];
}

function targetOf(path: string): string {
	const s = settings();
	const [top, ...rest] = path.split(/[\\/]/);
	if (top === 'config') {
		const file = FILES.find(([name]) => name === rest.join('/'));
		if (file) return s[file[1]];
	}
	const folder = FOLDERS.find(([name]) => name === top);
	if (folder && rest.length) return join(s[folder[1]], ...rest);
	throw new UserError('system.backup.badManifest', { detail: `unknown path ${path}` });
}

/** Writes a backup of `db` and the files into `dir`, which must not exist or be empty. */
export async function backup(db: Database, dir: string): Promise<BackupManifest> {
	if (existsSync(dir) && !statSync(dir).isDirectory())
		throw new UserError('system.backup.notFolder', { dir });
	if (existsSync(dir) && readdirSync(dir).length) throw new UserError('system.backup.notEmpty', { dir });
	mkdirSync(dir, { recursive: true });
	// The write lock keeps imports out while the tables are exported, so checks and data agree.
	const manifest = await db.session(async (conn) => {
		const [version] = await conn.numbers('SELECT max(version) FROM schema_migrations');
		await conn.run(`EXPORT DATABASE '${join(dir, 'database').replace(/'/g, "''")}' (FORMAT parquet)`);
		return { schemaVersion: version, tables: await tableChecks(conn) };
	});
	const database = filesUnder(join(dir, 'database')).map((file) => describeFile(dir, relative(dir, file)));
	const files = fileSources().map(({ path, source }) => {
		const target = join(dir, path);
		mkdirSync(dirname(target), { recursive: true });
		copyFileSync(source, target);
		return describeFile(dir, path);
	});
	const full: BackupManifest = {
		format: FORMAT,
		createdAt: new Date().toISOString(),
		...manifest,
		database,
		files
	};
	writeFileSync(join(dir, 'manifest.json'), JSON.stringify(full, null, '\t') + '\n');
	return full;
}

function readManifest(dir: string): BackupManifest {
	let manifest: BackupManifest;
	try {
		manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
	} catch (error) {
		throw new UserError('system.backup.badManifest', { detail: (error as Error).message.split('\n')[0] });
	}
	if (manifest.format !== FORMAT)
		throw new UserError('system.backup.badManifest', { detail: 'not a workbench backup' });
	if (manifest.schemaVersion > latestSchema())
		throw new UserError('system.backup.newerSchema', {
			backup: manifest.schemaVersion,
			here: latestSchema()
		});
	// Damage is named here, before DuckDB reads a table file and fails in its own words.
	for (const file of [...(manifest.database ?? []), ...manifest.files]) {
		const path = join(dir, file.path);
		if (!existsSync(path) || sha256(path) !== file.sha256)
			throw new UserError('system.backup.fileAltered', { path: file.path });
	}
	return manifest;
}

/**
 * A backup without table file hashes (made before they were recorded) shows damage only when DuckDB
 * reads it: an error that quotes a file of the backup's export ("Failed to read file", "No files
 * found that match the pattern") becomes the damaged-backup message naming it; any other error is
 * not the backup's fault and is left as it is.
 */
function unreadableTableFile(error: unknown, dir: string, exported: string): UserError | null {
	for (const [, quoted] of String((error as Error).message).matchAll(/"([^"]+)"/g)) {
		const inside = relative(exported, resolve(quoted));
		if (inside && !inside.startsWith('..') && !isAbsolute(inside))
			return new UserError('system.backup.fileUnreadable', { path: relative(dir, resolve(quoted)) });
	}
	return null;
}

/** Imports the exported tables into a fresh file and checks them against the manifest. */
async function importChecked(dir: string, path: string, manifest: BackupManifest): Promise<void> {
	const instance = await DuckDBInstance.create(path);
	const conn = await instance.connect();
	try {
		const sql = new Sql(conn);
		const exported = join(dir, 'database');
		try {
			await sql.run(`IMPORT DATABASE '${exported.replace(/'/g, "''")}'`);
		} catch (error) {
			throw unreadableTableFile(error, dir, exported) ?? error;
		}
		const found = await tableChecks(sql);
		for (const [table, expected] of Object.entries(manifest.tables)) {
			const got = found[table];
			if (!got || got.rows !== expected.rows)
				throw new UserError('system.backup.tableMismatch', {
					table,
					expected: expected.rows,
					got: got?.rows ?? 0
				});
			if (got.checksum !== expected.checksum)
				throw new UserError('system.backup.tableChecksum', { table, rows: got.rows });
		}
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}

export interface RestoreResult {
	manifest: BackupManifest;
	/** Where the database that was replaced now is (with --replace). */
	previous: string | null;
	/** Where the configuration files that were replaced now are (with --replace). */
	previousFiles: string[];
}

/**
 * Restores a backup into the database file `path` (which must not be open). An existing database, or
 * a different file where a backed-up file goes back, is refused unless `replace`; the database and
 * the configuration files replaced are then kept beside as `<file>.before-restore-<time>`. A backup of
 * an older schema is brought up to date by the usual migrations; one of a newer schema is refused.
 */
export async function restore(dir: string, path: string, replace: boolean): Promise<RestoreResult> {
	const manifest = readManifest(dir);
	if (existsSync(path) && !replace) throw new UserError('system.backup.targetExists', { path });
	// Opening it first refuses a database another process (the running server) holds.
	if (existsSync(path)) (await Database.open(path)).close();
	const conflicts = manifest.files.filter((f) => {
		const target = targetOf(f.path);
		return existsSync(target) && sha256(target) !== f.sha256;
	});
	if (conflicts.length && !replace)
		throw new UserError('system.backup.fileConflict', { path: conflicts[0].path });
	mkdirSync(dirname(path), { recursive: true });
	const temp = `${path}.restoring`;
	rmSync(temp, { force: true });
	try {
		await importChecked(dir, temp, manifest);
		// Migrations bring an older backup to this version; a failure leaves only the temp file.
		(await Database.open(temp)).close();
	} catch (error) {
		rmSync(temp, { force: true });
		rmSync(`${temp}.wal`, { force: true });
		throw error;
	}
	const stamp = new Date().toISOString().replace(/[:.]/g, '-');
	const kept = (file: string) => `${file}.before-restore-${stamp}`;
	let previous: string | null = null;
	if (existsSync(path)) {
		previous = kept(path);
		renameSync(path, previous);
		if (existsSync(`${path}.wal`)) renameSync(`${path}.wal`, `${previous}.wal`);
	}
	renameSync(temp, path);
	const previousFiles: string[] = [];
	for (const file of manifest.files) {
		const target = targetOf(file.path);
		// Configuration is edited by hand, so the replaced one is kept; evidence and report files are
		// the restored database's own and would only clutter their folders (and the next backup).
		if (file.path.startsWith('config') && conflicts.includes(file)) {
			previousFiles.push(kept(target));
			renameSync(target, kept(target));
		}
		mkdirSync(dirname(target), { recursive: true });
		copyFileSync(join(dir, file.path), target);
	}
	return { manifest, previous, previousFiles };
}
