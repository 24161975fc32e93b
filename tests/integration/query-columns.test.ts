import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ofType } from '../../src/lib/server/db/columns';
import { tempDatabase } from '../helpers/temp-db';

/** Each row's text as DuckDB holds it, read back as plain rows for comparison. */
async function expectedTexts(
	db: Awaited<ReturnType<typeof tempDatabase>>['db'],
	sql: string
): Promise<(string | null)[]> {
	return (await db.query(sql)).map((row) => row.v as string | null);
}

/** The text column's values, cut out of its buffer by their lengths. */
function texts(column: ReturnType<typeof ofType<'text'>>): (string | null)[] {
	const decoder = new TextDecoder();
	const values: (string | null)[] = [];
	let at = 0;
	for (let row = 0; row < column.length; row++) {
		const valid = !column.valid || (column.valid[row >> 3] >> (row & 7)) & 1;
		values.push(valid ? decoder.decode(column.values.subarray(at, at + column.lengths[row])) : null);
		at += column.lengths[row];
	}
	return values;
}

describe('query results as typed columns', () => {
	let ctx: Awaited<ReturnType<typeof tempDatabase>>;
	beforeAll(async () => {
		ctx = await tempDatabase();
		// Several chunks (DuckDB's are 2048 rows) of values of every length around the 12 bytes that
		// DuckDB keeps inline, multi-byte text, empty strings and NULLs, stored in a table so that
		// reading it back gives strings from storage as well as strings built by the query.
		await ctx.db.write((conn) =>
			conn.run(`CREATE TABLE t AS
				SELECT i,
					CASE WHEN i % 7 = 0 THEN NULL
						WHEN i % 11 = 0 THEN ''
						ELSE repeat(CASE WHEN i % 3 = 0 THEN '维修' ELSE 'x' END, i % 20) || i END AS s,
					CASE WHEN i % 5 = 0 THEN NULL ELSE i * 1.5 END AS d,
					CASE WHEN i % 4 = 0 THEN NULL ELSE i % 2 = 0 END AS b,
					CAST(i AS BIGINT) * 1000000007 AS big
				FROM range(5000) r(i)`)
		);
	});
	afterAll(() => ctx.remove());

	it('reads stored text, text built by the query, numbers, booleans and NULLs exactly', async () => {
		const sql = `SELECT s, concat(s, '|', i, s) AS built, CAST(i AS INTEGER), big, d::DOUBLE, b FROM t ORDER BY i DESC`;
		const [stored, built, int, big, dbl, bool] = await ctx.db.queryColumns(sql);
		expect(texts(ofType(stored, 'text'))).toEqual(
			await expectedTexts(ctx.db, 'SELECT s AS v FROM t ORDER BY i DESC')
		);
		expect(texts(ofType(built, 'text'))).toEqual(
			await expectedTexts(ctx.db, `SELECT concat(s, '|', i, s) AS v FROM t ORDER BY i DESC`)
		);
		expect(ofType(stored, 'text').nullCount).toBe(715);
		expect(Array.from(ofType(int, 'int32').values.subarray(0, 3))).toEqual([4999, 4998, 4997]);
		expect(ofType(big, 'int64').values[0]).toBe(4999n * 1000000007n);
		const doubles = ofType(dbl, 'float64');
		// A NULL's slot holds 0 and its validity bit is clear; i = 4995 is row 4.
		expect([doubles.values[3], doubles.values[4]]).toEqual([4996 * 1.5, 0]);
		expect((doubles.valid![0] >> 4) & 1).toBe(0);
		expect(doubles.nullCount).toBe(1000);
		const bools = ofType(bool, 'bool');
		// Rows 0–3 are i = 4999 (odd: false), 4998 (true), 4997 (false), 4996 (NULL).
		expect(bools.values[0] & 0b1111).toBe(0b0010);
		expect(bools.valid![0] & 0b1111).toBe(0b0111);
	});

	it('has columns of no rows for no rows, and refuses a type it cannot copy', async () => {
		const [empty] = await ctx.db.queryColumns('SELECT s FROM t WHERE i < 0');
		expect(ofType(empty, 'text').values.length).toBe(0);
		await expect(ctx.db.queryColumns("SELECT DATE '2025-01-01' + CAST(i AS INTEGER) FROM t")).rejects.toThrow(
			/cast column 1/
		);
	});
});
