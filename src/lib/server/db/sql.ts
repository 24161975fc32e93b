import {
	BIGINT,
	INTEGER,
	LIST,
	VARCHAR,
	listValue,
	type DuckDBConnection,
	type DuckDBType,
	type DuckDBValue
} from '@duckdb/node-api';
import { readColumns, type Column } from './columns';
import { toPlainRow, type PlainRow } from './values';

const LIST_TYPES = { INTEGER: LIST(INTEGER), BIGINT: LIST(BIGINT), VARCHAR: LIST(VARCHAR) };
type ListItem = { INTEGER: number; BIGINT: number; VARCHAR: string };

/**
 * A list bound as one parameter, for `unnest($1::INTEGER[])` inserts of many values in one
 * statement. Its element type is stated: DuckDB cannot infer it from an empty list.
 */
export class SqlList<T extends keyof ListItem = keyof ListItem> {
	constructor(
		readonly type: T,
		readonly items: readonly ListItem[T][]
	) {}
}

export function sqlList<T extends keyof ListItem>(type: T, items: readonly ListItem[T][]): SqlList<T> {
	return new SqlList(type, items);
}

/** A bound parameter as callers outside server/db give it. */
export type SqlValue = string | number | boolean | null | SqlList;
export type SqlParams = SqlValue[] | Record<string, SqlValue>;

type Bound = [values?: DuckDBValue[] | Record<string, DuckDBValue>, types?: DuckDBType[]];

/** DuckDB's arguments for `params`: a list becomes a list value with its type; the rest pass as they are. */
function bind(params: SqlParams | undefined): Bound {
	if (!params || !Array.isArray(params)) return [params as Record<string, DuckDBValue> | undefined];
	if (!params.some((p) => p instanceof SqlList)) return [params as DuckDBValue[]];
	// An undefined type lets DuckDB infer that parameter's type from its value.
	const types = params.map((p) => (p instanceof SqlList ? LIST_TYPES[p.type] : undefined));
	const values = params.map((p) => (p instanceof SqlList ? listValue([...p.items]) : p));
	return [values, types as DuckDBType[]];
}

/**
 * One connection, as code outside server/db uses it: statements take plain parameters and results
 * come back as plain rows, numbers or typed columns. It wraps statements, never rows: a result is
 * converted once, as a whole.
 */
export class Sql {
	constructor(private readonly conn: DuckDBConnection) {}

	async run(sql: string, params?: SqlParams): Promise<void> {
		await this.conn.run(sql, ...bind(params));
	}

	async all(sql: string, params?: SqlParams): Promise<PlainRow[]> {
		const reader = await this.conn.runAndReadAll(sql, ...bind(params));
		return reader.getRowObjects().map(toPlainRow);
	}

	/**
	 * The first row's values as numbers, in column order (counts, ids, an insert's row count); empty
	 * when there is no row.
	 */
	async numbers(sql: string, params?: SqlParams): Promise<number[]> {
		const reader = await this.conn.runAndReadAll(sql, ...bind(params));
		return (reader.getRows()[0] ?? []).map((value) => Number(value));
	}

	/** The result's columns as typed arrays (see readColumns for the column types). */
	async columns(sql: string, params?: SqlParams): Promise<Column[]> {
		const result = await this.conn.run(sql, ...bind(params));
		return readColumns(result.columnTypes(), await result.fetchAllChunks());
	}

	/** Runs fn between BEGIN and COMMIT; any error rolls back and is rethrown. */
	async transaction<T>(fn: () => Promise<T>): Promise<T> {
		await this.run('BEGIN TRANSACTION');
		try {
			const result = await fn();
			await this.run('COMMIT');
			return result;
		} catch (error) {
			await this.run('ROLLBACK').catch(() => undefined);
			throw error;
		}
	}
}
