import type { Sql } from './sql';

/**
 * Keeps the two per-unit sequence columns of `repairs` up to date, inside the import's transaction.
 * Repeat-repair rates and the Weibull life data need each serial's whole repair history; computing
 * that with a window over millions of rows on every request costs seconds, so the import that
 * changes a serial's history computes that serial's rows once.
 *
 * - `first_repair_of_unit`: the unit's (product_model, serial_no) earliest repair among those with a
 *   sold_at (ties broken by repair_id) — the unit's first failure for the life model.
 * - `next_repair_at`: the next strictly later received_at of the same serial_no, any model — the
 *   look-ahead of the repeat-repair windows. NULL without a serial or a later repair.
 */
function sequenceSql(source: string, keep: string): string {
	return `
SELECT ${keep},
	coalesce(serial_no IS NOT NULL AND sold_at IS NOT NULL AND row_number() OVER (
		PARTITION BY serial_no, product_model, sold_at IS NULL ORDER BY received_at, repair_id) = 1, false) AS first_repair,
	CASE WHEN serial_no IS NOT NULL THEN min(received_at) OVER (
		PARTITION BY serial_no ORDER BY received_at ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING EXCLUDE GROUP) END AS next_at
FROM ${source}`;
}

const SEQUENCE_COLUMNS = 'repair_id, received_at, product_model, serial_no, sold_at';

/** The two columns, as named in `repairs`. */
export const REPAIR_SEQUENCE_COLUMNS = ['first_repair_of_unit', 'next_repair_at'];

/**
 * The sequence of a repair that is its unit's only repair (the first repair when it has a serial and
 * a sale date; no next repair), as SQL over a repair row under `alias`. Most units have one repair.
 */
export function onlyRepairSequenceSql(alias: string): string[] {
	return [`${alias}.serial_no IS NOT NULL AND ${alias}.sold_at IS NOT NULL`, 'CAST(NULL AS TIMESTAMP)'];
}

/**
 * Before a batch of only new repairs (`rows`, a relation of the file's valid rows with `rec`) goes
 * in: the temp table `derived_columns` (`rec, first_repair_of_unit, next_repair_at`) holds the
 * sequence of those whose serial has other repairs, in the batch or stored, computed with all of
 * them; the other new repairs take onlyRepairSequenceSql. The temp table `touched_serials` keeps the
 * stored serials the batch shares, whose own sequence refreshRepairSequence then brings up to date.
 */
export async function prepareNewRepairSequence(conn: Sql, rows: string): Promise<void> {
	await conn.run(`CREATE OR REPLACE TEMP TABLE batch_serials AS
		SELECT serial_no, count(*) AS repairs FROM ${rows} WHERE serial_no IS NOT NULL GROUP BY serial_no`);
	await conn.run(`CREATE OR REPLACE TEMP TABLE touched_serials AS
		SELECT DISTINCT serial_no FROM repairs WHERE serial_no IN (SELECT serial_no FROM batch_serials)`);
	const shared = `(SELECT serial_no FROM batch_serials WHERE repairs > 1 UNION SELECT serial_no FROM touched_serials)`;
	await conn.run(`CREATE OR REPLACE TEMP TABLE derived_columns AS
		SELECT rec, first_repair AS first_repair_of_unit, next_at AS next_repair_at
		FROM (${sequenceSql(
			`(SELECT rec, ${SEQUENCE_COLUMNS} FROM ${rows} WHERE serial_no IN ${shared}
			UNION ALL SELECT NULL, ${SEQUENCE_COLUMNS} FROM repairs WHERE serial_no IN (SELECT serial_no FROM touched_serials))`,
			'rec'
		)}) WHERE rec IS NOT NULL`);
	await conn.run('DROP TABLE batch_serials');
}

/**
 * Recomputes the sequence of the serials the batch touched and writes the rows whose values change.
 * `batchRowsCurrent`: the batch inserted its rows with their sequence already (prepareNewRepairSequence),
 * so only the stored serials it shares, already in `touched_serials`, need recomputing. Otherwise they
 * are the serials of the rows it stored (new or updated) and of the versions it superseded (an update
 * may move a repair to another serial). Rows without a serial keep the column defaults.
 */
export async function refreshRepairSequence(
	conn: Sql,
	batchId: number,
	options: { batchRowsCurrent: boolean }
): Promise<void> {
	if (!options.batchRowsCurrent) {
		await conn.run(
			`CREATE OR REPLACE TEMP TABLE touched_serials AS
			SELECT serial_no FROM repairs WHERE batch_id = $1 AND serial_no IS NOT NULL
			UNION SELECT serial_no FROM repairs_history WHERE superseded_by_batch = $1 AND serial_no IS NOT NULL`,
			[batchId]
		);
	}
	await conn.run(
		`UPDATE repairs SET first_repair_of_unit = s.first_repair, next_repair_at = s.next_at
		FROM (${sequenceSql('repairs', 'repair_id')} WHERE serial_no IN (SELECT serial_no FROM touched_serials)) s
		WHERE repairs.repair_id = s.repair_id AND (repairs.first_repair_of_unit IS DISTINCT FROM s.first_repair
			OR repairs.next_repair_at IS DISTINCT FROM s.next_at)`
	);
	await conn.run('DROP TABLE touched_serials');
}

/** Recomputes the sequence of every repair: the schema migration, and data written outside an import. */
export const REBUILD_REPAIR_SEQUENCE_SQL = `UPDATE repairs SET first_repair_of_unit = s.first_repair, next_repair_at = s.next_at
FROM (${sequenceSql('repairs', 'repair_id')}) s WHERE repairs.repair_id = s.repair_id`;
