import { resolve } from 'node:path';
import { NO_SCOPE } from '$lib/domain/auth/user';
import { scheduleInputSchema, type ReportSchedule, type ScheduleRun } from '$lib/domain/reports/schedule';
import { getDatabase } from '$lib/server/db/connection';
import { runAfterStart } from '$lib/server/reports/schedule-runner';
import { createSchedule, deleteSchedule, listSchedules } from '$lib/server/reports/schedules';
import { CLI_ACTOR } from '../actor';
import { checkOptions, expectArgs, numberArg, parseCommand, subcommand } from '../args';
import { cliText, usageBlock } from '../output';
import { parseFilters } from './metric';

const usage = () => usageBlock('report.sc.cli.usage');
/** The flag a schedule field comes from, where their names differ. */
const FLAGS: Record<string, string> = { formats: 'format', recipients: 'to' };

function print(json: boolean | undefined, value: unknown, text: string): void {
	process.stdout.write(json ? `${JSON.stringify(value)}\n` : `${text}\n`);
}

const line = (s: ReportSchedule) =>
	[
		`#${s.id}`,
		s.kind,
		`day ${s.day} ${s.time} ${s.timeZone}`,
		s.formats.join(','),
		s.lang,
		s.enabled ? `next ${s.nextDueLocal}` : 'disabled',
		[s.folder, ...s.recipients].filter(Boolean).join(', '),
		s.lastRun ? `last ${s.lastRun.dueAt} ${s.lastRun.outcome}` : ''
	]
		.filter(Boolean)
		.join('  ');

const runLine = (r: ScheduleRun) =>
	`#${r.scheduleId}  ${r.dueAt}  ${r.outcome}  ${r.reportIds.join(',')}${r.error ? `  ${r.error}` : ''}`;

/**
 * `report schedule list|add|remove|run-due`: the schedules the server runs, from the shell. run-due
 * is for cron users who run no server: it runs what is due now, missed runs caught up as at a start.
 */
export async function runReportSchedule(args: string[]): Promise<void> {
	const { values, positionals } = parseCommand(
		args,
		{
			kind: { type: 'string' },
			day: { type: 'string' },
			time: { type: 'string' },
			format: { type: 'string', multiple: true },
			lang: { type: 'string' },
			folder: { type: 'string' },
			to: { type: 'string', multiple: true },
			filter: { type: 'string', multiple: true },
			disabled: { type: 'boolean' },
			json: { type: 'boolean' }
		},
		usage
	);
	const [asked, ...rest] = positionals;
	const what = subcommand('report schedule', asked, ['list', 'add', 'remove', 'run-due'], usage);
	const [id] = expectArgs(rest, what === 'remove' ? ['ID'] : [], usage);
	const removed = what === 'remove' ? numberArg(id, 'ID', usage) : undefined;
	const db = await getDatabase();
	if (what === 'list') {
		// On the database file the operator sees every schedule.
		const list = await listSchedules(db, NO_SCOPE);
		return print(values.json, list, list.map(line).join('\n') || cliText('report.sc.empty'));
	}
	if (what === 'run-due') {
		const runs = await runAfterStart(db, new Date());
		return print(values.json, runs, runs.map(runLine).join('\n') || cliText('report.sc.cli.none'));
	}
	if (removed !== undefined) {
		await deleteSchedule(db, removed, CLI_ACTOR.name);
		return print(values.json, { removed }, cliText('report.sc.cli.removed', { id: removed }));
	}
	const input = checkOptions(
		scheduleInputSchema,
		{
			kind: values.kind,
			day: values.day === undefined ? undefined : Number(values.day),
			time: values.time,
			formats: values.format,
			lang: values.lang,
			folder: values.folder === undefined ? undefined : resolve(values.folder),
			recipients: values.to,
			filters: parseFilters(values.filter ?? []),
			enabled: !values.disabled
		},
		usage,
		FLAGS
	);
	const made = await createSchedule(db, input, CLI_ACTOR.name);
	print(values.json, made, line(made));
}
