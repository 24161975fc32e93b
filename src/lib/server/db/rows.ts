import type { DuckDBConnection } from '@duckdb/node-api';
import type { SqlParams } from './connection';
import { toPlainRow, type PlainRow } from './values';

/**
 * Reads rows on a given connection — inside a `db.write` transaction, where a check (is this version
 * still a draft?) must see the same snapshot as the write that follows it. Values come back plain.
 */
export async function queryOn(conn: DuckDBConnection, sql: string, params?: SqlParams): Promise<PlainRow[]> {
	const reader = await conn.runAndReadAll(sql, params);
	return reader.getRowObjects().map(toPlainRow);
}
