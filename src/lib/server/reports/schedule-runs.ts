import type { RunOutcome, ScheduleRun } from '$lib/domain/reports/schedule';
import type { Database } from '../db/connection';
import type { PlainRow } from '../db/values';

/**
 * The runs of report schedules: one row per due time, written before the run starts (so a due time
 * never runs twice), finished with the report ids or the reason it failed.
 */

/** ISO UTC → the naive UTC timestamp stored. */
export const utc = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' ');
export const ISO = `'%Y-%m-%dT%H:%M:%SZ'`;

function toRun(r: PlainRow): ScheduleRun {
	return {
		scheduleId: Number(r.schedule_id),
		dueAt: String(r.due_at),
		ranAt: String(r.ran_at),
		reportIds: JSON.parse(String(r.report_ids)) as string[],
		outcome: String(r.outcome) as RunOutcome,
		error: r.error === null ? null : String(r.error)
	};
}

const RUN_COLUMNS = `schedule_id, strftime(due_at, ${ISO}) AS due_at, strftime(ran_at, ${ISO}) AS ran_at,
	report_ids, outcome, error`;

/** The due time the schedule last ran (or tried to) for, ISO, or null. */
export async function lastDueAt(db: Database, id: number): Promise<string | null> {
	const [row] = await db.query(
		`SELECT strftime(max(due_at), ${ISO}) AS due FROM report_schedule_runs WHERE schedule_id = $1`,
		[id]
	);
	return row?.due === null || row?.due === undefined ? null : String(row.due);
}

export async function scheduleRuns(db: Database, id: number, limit = 50): Promise<ScheduleRun[]> {
	return (
		await db.query(
			`SELECT ${RUN_COLUMNS} FROM report_schedule_runs WHERE schedule_id = $1 ORDER BY due_at DESC LIMIT $2`,
			[id, limit]
		)
	).map(toRun);
}

/**
 * Records that a due time is being run, unless it already was: the primary key makes this the one
 * place that decides, so no due time runs twice, whatever the process or the clock did.
 */
export async function claimRun(db: Database, id: number, due: Date, now: Date): Promise<boolean> {
	const rows = await db.writeAside((conn) =>
		conn.all(
			`INSERT INTO report_schedule_runs VALUES ($1, $2::TIMESTAMP, $3::TIMESTAMP, '[]', 'running', NULL)
			 ON CONFLICT DO NOTHING RETURNING schedule_id`,
			[id, utc(due), utc(now)]
		)
	);
	return rows.length === 1;
}

export async function finishRun(
	db: Database,
	id: number,
	due: Date,
	result: { reportIds: string[]; error: string | null }
): Promise<void> {
	await db.writeAside((conn) =>
		conn.run(
			`UPDATE report_schedule_runs SET report_ids = $3, outcome = $4, error = $5
			 WHERE schedule_id = $1 AND due_at = $2::TIMESTAMP`,
			[id, utc(due), JSON.stringify(result.reportIds), result.error ? 'failed' : 'ok', result.error]
		)
	);
}

/** Runs a killed process left 'running' failed, with the reason: they are not run again. */
export async function failInterruptedRuns(
	db: Database,
	reason: (lang: 'zh-CN' | 'en') => string
): Promise<void> {
	const rows = await db.query(
		`SELECT r.schedule_id, s.lang FROM report_schedule_runs r JOIN report_schedules s ON s.id = r.schedule_id
		 WHERE r.outcome = 'running'`
	);
	if (!rows.length) return;
	await db.writeAside(async (conn) => {
		for (const r of rows)
			await conn.run(
				`UPDATE report_schedule_runs SET outcome = 'failed', error = $2 WHERE schedule_id = $1 AND outcome = 'running'`,
				[Number(r.schedule_id), reason(String(r.lang) === 'en' ? 'en' : 'zh-CN')]
			);
	});
}
