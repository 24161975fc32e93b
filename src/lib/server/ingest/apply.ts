import type { KindDef } from '$lib/domain/records';
import type { Sql } from '../db/sql';
import { recordHashSql } from './normalise';

export interface ApplyCounts {
	accepted: number;
	updated: number;
	duplicates: number;
}

/**
 * Columns a table derives from its records beyond the fields (repairs: the per-unit sequence). Each
 * inserted row gets `defaults` (SQL over its row of `norm`, under `alias`); a batch of only new keys
 * gets, for the rows that `prepare` lists, their values instead. Anything else is the caller's to fix.
 */
export interface DerivedColumns {
	names: string[];
	defaults: (alias: string) => string[];
	/**
	 * Creates the temp table `derived_columns`: `rec` and the named columns for those valid rows of
	 * `rows` (a relation over `norm`) whose values are not the defaults.
	 */
	prepare: (conn: Sql, rows: string) => Promise<void>;
}

/** Joins two relations on the natural key; keys may hold NULLs (sales region/channel), which match. */
function keyJoin(def: KindDef, a: string, b: string): string {
	return def.key.map((k) => `${a}.${k} IS NOT DISTINCT FROM ${b}.${k}`).join(' AND ');
}

/** What applyRows will do, decided before the import's transaction (see planApply). */
export interface ApplyPlan {
	/** Every valid row is a new key that appears once: the rows go straight in, with their derived columns. */
	onlyNewKeys: boolean;
}

/**
 * Decides how the valid rows of `norm` will be written and, for the common monthly case of only new
 * keys, prepares their derived columns. Runs before the transaction, under the write lock, so the
 * stored rows it reads are those the transaction sees; DuckDB plans joins on tables created in a
 * transaction without their row counts, and picks the wrong side to hash.
 */
export async function planApply(conn: Sql, def: KindDef, derived?: DerivedColumns): Promise<ApplyPlan> {
	const keys = def.key.join(', ');
	const [repeated, known] = await conn.numbers(
		`SELECT (SELECT count(*) FROM (SELECT 1 FROM norm WHERE valid GROUP BY ${keys} HAVING count(*) > 1)),
			(SELECT count(*) FROM norm n JOIN ${def.table} t ON ${keyJoin(def, 'n', 't')} WHERE n.valid)`
	);
	const onlyNewKeys = repeated === 0 && known === 0;
	if (onlyNewKeys && derived) await derived.prepare(conn, '(SELECT * FROM norm WHERE valid)');
	return { onlyNewKeys };
}

/**
 * Writes the valid rows of `norm` into the kind's table inside the caller's transaction, as `plan`
 * (from planApply) says.
 *
 * Per natural key, the file's rows are reduced to distinct versions in file order (a row identical
 * to an earlier one of the same key is a duplicate). When the stored record equals the file's last
 * version, the key is unchanged and every version is a duplicate, so re-importing a file changes
 * nothing. Otherwise the first version is compared with the stored record (equal → duplicate,
 * different → updated, absent → accepted) and every later version is an update; the stored record
 * and the intermediate versions go to history and the last version is stored.
 */
export async function applyRows(
	conn: Sql,
	def: KindDef,
	batchId: number,
	plan: ApplyPlan,
	derived?: DerivedColumns
): Promise<ApplyCounts> {
	const table = def.table;
	const keys = def.key.join(', ');
	const fields = def.fields.map((f) => f.name).join(', ');
	const select = (alias: string) => def.fields.map((f) => `${alias}.${f.name}`).join(', ');
	const insertColumns = [fields, 'extra', 'batch_id', ...(derived?.names ?? [])].join(', ');
	const insertValues = (alias: string, derivedValues = derived?.defaults(alias) ?? []) =>
		[select(alias), `${alias}.extra`, '$1', ...derivedValues].join(', ');

	if (plan.onlyNewKeys) {
		let insert = `INSERT INTO ${table} (${insertColumns}) SELECT ${insertValues('n')} FROM norm n WHERE n.valid`;
		if (derived) {
			const values = derived
				.defaults('n')
				.map((value, i) => `CASE WHEN d.rec IS NULL THEN ${value} ELSE d.${derived.names[i]} END`);
			insert = `INSERT INTO ${table} (${insertColumns}) SELECT ${insertValues('n', values)}
				FROM norm n LEFT JOIN derived_columns d ON d.rec = n.rec WHERE n.valid`;
		}
		const [accepted = 0] = await conn.numbers(insert, [batchId]);
		if (derived) await conn.run('DROP TABLE derived_columns');
		return { accepted, updated: 0, duplicates: 0 };
	}

	await conn.run(`
CREATE OR REPLACE TEMP TABLE cand AS
SELECT rec, ${keys}, h, row_number() OVER (PARTITION BY ${keys}, h ORDER BY rec) AS dup_n
FROM (SELECT rec, ${keys}, ${recordHashSql(def, 'norm')} AS h FROM norm WHERE valid)`);
	await conn.run(`
CREATE OR REPLACE TEMP TABLE ver AS
SELECT rec, ${keys}, h, row_number() OVER (PARTITION BY ${keys} ORDER BY rec) AS v, count(*) OVER k AS nv,
	arg_max(h, rec) OVER k AS h_final
FROM cand WHERE dup_n = 1
WINDOW k AS (PARTITION BY ${keys})`);
	await conn.run(`
CREATE OR REPLACE TEMP TABLE cmp AS
SELECT ${def.key.map((k) => `ver.${k}`).join(', ')}, ver.nv,
	ver.h = ${recordHashSql(def, 't')} AS same_first, ver.h_final = ${recordHashSql(def, 't')} AS unchanged
FROM ver JOIN ${table} t ON ${keyJoin(def, 'ver', 't')} WHERE ver.v = 1`);

	const [inFileDuplicates, firstVersions, laterVersions] = await conn.numbers(
		`SELECT (SELECT count(*) FROM cand WHERE dup_n > 1), count(*) FILTER (v = 1), count(*) FILTER (v > 1) FROM ver`
	);
	const [existing, unchangedVersions, unchangedLater, firstSame] = await conn.numbers(
		`SELECT count(*), coalesce(sum(nv) FILTER (unchanged), 0), coalesce(sum(nv - 1) FILTER (unchanged), 0),
			count(*) FILTER (NOT unchanged AND same_first) FROM cmp`
	);
	const [changed] = await conn.numbers('SELECT count(*) FROM cmp WHERE NOT unchanged');

	await conn.run(`CREATE OR REPLACE TEMP TABLE replaced AS SELECT ${keys} FROM cmp WHERE NOT unchanged`);
	await conn.run(
		`INSERT INTO ${table}_history (${fields}, extra, batch_id, superseded_at, superseded_by_batch)
		 SELECT ${select('t')}, t.extra, t.batch_id, current_localtimestamp(), $1
		 FROM ${table} t JOIN replaced r ON ${keyJoin(def, 't', 'r')}`,
		[batchId]
	);
	// Intermediate versions of changed or new keys, except a first version equal to the stored record.
	await conn.run(
		`INSERT INTO ${table}_history (${fields}, extra, batch_id, superseded_at, superseded_by_batch)
		 SELECT ${select('n')}, n.extra, $1, current_localtimestamp(), $1
		 FROM ver JOIN norm n ON n.rec = ver.rec LEFT JOIN cmp ON ${keyJoin(def, 'ver', 'cmp')}
		 WHERE ver.v < ver.nv AND NOT coalesce(cmp.unchanged, false)
			AND NOT (ver.v = 1 AND coalesce(cmp.same_first, false))`,
		[batchId]
	);
	await conn.run(`DELETE FROM ${table} t USING replaced r WHERE ${keyJoin(def, 't', 'r')}`);
	await conn.run(
		`INSERT INTO ${table} (${insertColumns})
		 SELECT ${insertValues('n')}
		 FROM ver JOIN norm n ON n.rec = ver.rec LEFT JOIN cmp ON ${keyJoin(def, 'ver', 'cmp')}
		 WHERE ver.v = ver.nv AND NOT coalesce(cmp.unchanged, false)`,
		[batchId]
	);
	return {
		accepted: firstVersions - existing,
		updated: laterVersions - unchangedLater + changed - firstSame,
		duplicates: inFileDuplicates + unchangedVersions + firstSame
	};
}
