import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * Keeps the two per-unit sequence columns of `repairs` up to date, inside the import's transaction.
 * Repeat-repair rates and the Weibull life data need each serial's whole repair history; computing
 * that with a window over millions of rows on every request costs seconds, so the import that
 * changes a serial's history recomputes that serial's rows once.
 *
 * - `first_repair_of_unit`: the unit's (product_model, serial_no) earliest repair among those with a
 *   sold_at (ties broken by repair_id) — the unit's first failure for the life model.
 * - `next_repair_at`: the next strictly later received_at of the same serial_no, any model — the
 *   look-ahead of the repeat-repair windows. NULL without a serial or a later repair.
 */
const SEQUENCE_SQL = `
SELECT repair_id,
	coalesce(serial_no IS NOT NULL AND sold_at IS NOT NULL AND row_number() OVER (
		PARTITION BY product_model, serial_no, sold_at IS NULL ORDER BY received_at, repair_id) = 1, false) AS first_repair,
	CASE WHEN serial_no IS NOT NULL THEN min(received_at) OVER (
		PARTITION BY serial_no ORDER BY received_at ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING EXCLUDE GROUP) END AS next_at
FROM repairs`;

/**
 * Recomputes the sequence of every serial the batch touched: the serials of the rows it stored
 * (new or updated) and of the versions it superseded (an update may move a repair to another serial).
 * Rows without a serial keep the column defaults (not a first failure, no next repair).
 */
export async function refreshRepairSequence(conn: DuckDBConnection, batchId: number): Promise<void> {
	await conn.run(
		`CREATE OR REPLACE TEMP TABLE touched_serials AS
		SELECT serial_no FROM repairs WHERE batch_id = $1 AND serial_no IS NOT NULL
		UNION SELECT serial_no FROM repairs_history WHERE superseded_by_batch = $1 AND serial_no IS NOT NULL`,
		[batchId]
	);
	await conn.run(
		`UPDATE repairs SET first_repair_of_unit = s.first_repair, next_repair_at = s.next_at
		FROM (${SEQUENCE_SQL} WHERE serial_no IN (SELECT serial_no FROM touched_serials)) s
		WHERE repairs.repair_id = s.repair_id`
	);
	await conn.run('DROP TABLE touched_serials');
}

/** Recomputes the sequence of every repair: the schema migration, and data written outside an import. */
export const REBUILD_REPAIR_SEQUENCE_SQL = `UPDATE repairs SET first_repair_of_unit = s.first_repair, next_repair_at = s.next_at
FROM (${SEQUENCE_SQL}) s WHERE repairs.repair_id = s.repair_id`;
