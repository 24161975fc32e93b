import type { DuckDBConnection } from '@duckdb/node-api';
import type { KindDef } from '$lib/fields';
import { storedHashSql } from './normalise';

export interface ApplyCounts {
	accepted: number;
	updated: number;
	duplicates: number;
}

/** Joins two relations on the natural key; keys may hold NULLs (sales region/channel), which match. */
function keyJoin(def: KindDef, a: string, b: string): string {
	return def.key.map((k) => `${a}.${k} IS NOT DISTINCT FROM ${b}.${k}`).join(' AND ');
}

async function count(conn: DuckDBConnection, sql: string): Promise<number> {
	const reader = await conn.runAndReadAll(sql);
	return Number(reader.getRows()[0][0]);
}

/**
 * Writes the valid rows of `norm` into the kind's table inside the caller's transaction.
 *
 * Per natural key, the file's rows are reduced to distinct versions in file order (a row identical
 * to an earlier one of the same key is a duplicate). The first version is compared with the stored
 * record: equal → duplicate, different → updated, absent → accepted; every later version is an
 * update. The stored record and intermediate versions go to history; the last version is stored.
 */
export async function applyRows(conn: DuckDBConnection, def: KindDef, batchId: number): Promise<ApplyCounts> {
	const table = def.table;
	const keys = def.key.join(', ');
	const fields = def.fields.map((f) => f.name).join(', ');
	await conn.run(`
CREATE OR REPLACE TEMP TABLE cand AS
SELECT *, row_number() OVER (PARTITION BY ${keys}, h ORDER BY rec) AS dup_n
FROM norm WHERE NOT blank AND NOT total AND len(errors) = 0`);
	await conn.run(`
CREATE OR REPLACE TEMP TABLE ver AS
SELECT *, row_number() OVER (PARTITION BY ${keys} ORDER BY rec) AS v, count(*) OVER (PARTITION BY ${keys}) AS nv
FROM cand WHERE dup_n = 1`);
	await conn.run(`
CREATE OR REPLACE TEMP TABLE cmp AS
SELECT ${def.key.map((k) => `ver.${k}`).join(', ')}, ver.nv, ver.h = ${storedHashSql(def, 't')} AS same
FROM ver JOIN ${table} t ON ${keyJoin(def, 'ver', 't')} WHERE ver.v = 1`);

	const inFileDuplicates = await count(conn, 'SELECT count(*) FROM cand WHERE dup_n > 1');
	const storedDuplicates = await count(conn, 'SELECT count(*) FROM cmp WHERE same');
	const firstVersions = await count(conn, 'SELECT count(*) FROM ver WHERE v = 1');
	const existing = await count(conn, 'SELECT count(*) FROM cmp');
	const laterVersions = await count(conn, 'SELECT count(*) FROM ver WHERE v > 1');

	// Stored records that this batch replaces.
	await conn.run(`
CREATE OR REPLACE TEMP TABLE replaced AS SELECT ${keys} FROM cmp WHERE nv > 1 OR NOT same`);
	await conn.run(
		`INSERT INTO ${table}_history (${fields}, extra, batch_id, superseded_at, superseded_by_batch)
		 SELECT ${def.fields.map((f) => `t.${f.name}`).join(', ')}, t.extra, t.batch_id, current_localtimestamp(), $1
		 FROM ${table} t JOIN replaced r ON ${keyJoin(def, 't', 'r')}`,
		[batchId]
	);
	// Intermediate versions from the file, except a first version equal to the stored record.
	await conn.run(
		`INSERT INTO ${table}_history (${fields}, extra, batch_id, superseded_at, superseded_by_batch)
		 SELECT ${def.fields.map((f) => `ver.${f.name}`).join(', ')}, ver.extra, $1, current_localtimestamp(), $1
		 FROM ver LEFT JOIN cmp ON ${keyJoin(def, 'ver', 'cmp')}
		 WHERE ver.v < ver.nv AND NOT (ver.v = 1 AND coalesce(cmp.same, false))`,
		[batchId]
	);
	await conn.run(`DELETE FROM ${table} t USING replaced r WHERE ${keyJoin(def, 't', 'r')}`);
	await conn.run(
		`INSERT INTO ${table} (${fields}, extra, batch_id)
		 SELECT ${def.fields.map((f) => `ver.${f.name}`).join(', ')}, ver.extra, $1
		 FROM ver LEFT JOIN cmp ON ${keyJoin(def, 'ver', 'cmp')}
		 WHERE ver.v = ver.nv AND NOT (ver.nv = 1 AND coalesce(cmp.same, false))`,
		[batchId]
	);
	return {
		accepted: firstVersions - existing,
		updated: existing - storedDuplicates + laterVersions,
		duplicates: inFileDuplicates + storedDuplicates
	};
}
