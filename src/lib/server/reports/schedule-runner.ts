import type { ReportSnapshot } from '$lib/domain/reports/api';
import { UserError } from '$lib/domain/errors';
import { latestDue } from '$lib/domain/reports/due';
import type { ScheduleRun } from '$lib/domain/reports/schedule';
import { createT } from '$lib/i18n';
import { settings } from '../config';
import type { Database } from '../db/connection';
import { deliverToFolder, mailReport } from './delivery';
import { generateReport } from './generate';
import { claimRun, failInterruptedRuns, finishRun, lastDueAt, scheduleRuns } from './schedule-runs';
import { storedSchedules, type StoredSchedule } from './schedules';
import { snapshotBytes, snapshotFigures } from './snapshots';

/**
 * The server's schedule runner. Each tick runs, for every enabled schedule, the latest due time it
 * owes (after it became active and after the last due time it ran for): a tick on time runs the
 * current month's, the first tick after downtime catches up the latest missed one — once, because
 * the run is recorded before it starts. A failed run is recorded with its reason and not retried.
 * Each runs under its owner's scope as it is at the run; a disabled owner's run fails, saying why.
 */

const message = (error: unknown, lang: 'zh-CN' | 'en') =>
	error instanceof UserError ? error.in(lang) : ((error as Error)?.message ?? String(error));

/**
 * Makes the schedule's report in each format under its owner's scope, then delivers; returns what was
 * made and what failed.
 */
async function runSchedule(
	db: Database,
	s: StoredSchedule,
	now: Date
): Promise<{ reportIds: string[]; error: string | null }> {
	if (s.ownerDisabled)
		return {
			reportIds: [],
			error: createT(s.lang)('report.sc.error.ownerDisabled', { owner: s.owner ?? '' })
		};
	const made: ReportSnapshot[] = [];
	const errors: string[] = [];
	try {
		for (const format of s.formats)
			made.push(
				await generateReport(
					db,
					{ kind: s.kind, format, lang: s.lang, filters: s.filters },
					{ actor: 'schedule', scope: s.scope, now }
				)
			);
		for (const snapshot of made) {
			const { bytes } = await snapshotBytes(db, snapshot.id, s.scope);
			if (s.folder)
				await deliverToFolder(s.folder, snapshot, bytes).catch((e) => errors.push(message(e, s.lang)));
			if (s.recipients.length && snapshot.format === 'pdf') {
				const { title } = await snapshotFigures(db, snapshot.id, s.scope);
				await mailReport({ to: s.recipients, snapshot, title, bytes }).catch((e) =>
					errors.push(message(e, s.lang))
				);
			}
		}
	} catch (error) {
		errors.push(message(error, s.lang));
	}
	return { reportIds: made.map((m) => m.id), error: errors.length ? errors.join('; ') : null };
}

/** Runs what is due at `now` (the injected clock); returns the runs made, in schedule order. */
export async function runDueSchedules(db: Database, now: Date): Promise<ScheduleRun[]> {
	const zone = settings().WORKBENCH_TIMEZONE;
	const ran: ScheduleRun[] = [];
	for (const s of await storedSchedules(db)) {
		if (!s.enabled) continue;
		const last = await lastDueAt(db, s.id);
		const from = new Date(Math.max(Date.parse(s.activeFrom), last ? Date.parse(last) : 0));
		const due = latestDue(s.day, s.time, zone, from, now);
		if (!due || !(await claimRun(db, s.id, due, now))) continue;
		await finishRun(db, s.id, due, await runSchedule(db, s, now));
		ran.push((await scheduleRuns(db, s.id, 1))[0]);
	}
	return ran;
}

/**
 * What a start does (the server's, or `report schedule run-due` from cron): runs a killed process left
 * 'running' are marked failed, not rerun; then what is due, missed runs included, is run.
 */
export async function runAfterStart(db: Database, now: Date): Promise<ScheduleRun[]> {
	await failInterruptedRuns(db, (lang) => createT(lang)('report.sc.error.interrupted'));
	return runDueSchedules(db, now);
}

export interface Scheduler {
	/** Settles when the start's catch-up tick has. */
	started: Promise<void>;
	/** One tick now (joins the one in progress, so ticks never overlap). */
	tick(): Promise<void>;
	stop(): void;
}

/**
 * Starts the runner: runs left 'running' by a killed process are marked failed, missed runs are
 * caught up, then a tick every minute. The timer is unref'd so it never keeps a process alive.
 */
export function startScheduler(
	db: Database,
	options: { now?: () => Date; everyMs?: number } = {}
): Scheduler {
	const now = options.now ?? (() => new Date());
	let current: Promise<void> | null = null;
	// Ticks never overlap: a tick while one runs (a PDF takes seconds) joins it.
	const once = (run: (db: Database, at: Date) => Promise<unknown>) =>
		(current ??= run(db, now())
			.then(
				() => undefined,
				(error) => console.error('report schedules:', error)
			)
			.finally(() => (current = null)));
	const tick = () => once(runDueSchedules);
	const started = once(runAfterStart);
	const timer = setInterval(() => void tick(), options.everyMs ?? 60_000);
	timer.unref();
	return { started, tick, stop: () => clearInterval(timer) };
}
