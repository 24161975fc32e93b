import { withinScope } from '$lib/domain/auth/scope';
import { NO_SCOPE, type SessionUser, type UserScope } from '$lib/domain/auth/user';
import { localStamp, nextDue } from '$lib/domain/reports/due';
import {
	scheduleInput,
	scheduleInputSchema,
	type ReportSchedule,
	type ScheduleInput,
	type SchedulePatch,
	type ScheduleSettings
} from '$lib/domain/reports/schedule';
import { appendAudit } from '../audit/log';
import { settings } from '../config';
import { scopeFromRow } from '../auth/user-row';
import type { Database } from '../db/connection';
import type { PlainRow } from '../db/values';
import { deliveryFolder } from './delivery';
import { ReportError } from './errors';
import { ISO, lastDueAt, scheduleRuns, utc } from './schedule-runs';

/**
 * Stored report schedules (their runs: schedule-runs.ts). Instants are kept as UTC TIMESTAMPs. `active_from` is when
 * the schedule last started counting (made, re-enabled, or its day or time changed): due times before
 * it are not owed, so saving a schedule never sets off a run for a month already past.
 *
 * A schedule made by a signed-in user is theirs and runs under their scope as it is when it runs (a
 * narrowed scope narrows the next report; a disabled owner's schedule does not run). Users see and
 * change only the schedules whose reports lie within their own scope (withinScope), their own
 * included; another is not found, like an unknown id. One made on the database file (the CLI) has no
 * owner and runs company-wide.
 */

/** Who makes or changes a schedule: a signed-in user, or (a name) the operator on the database file. */
export type ScheduleActor = SessionUser | string;

const actorName = (actor: ScheduleActor) => (typeof actor === 'string' ? actor : actor.name);
const actorScope = (actor: ScheduleActor) => (typeof actor === 'string' ? NO_SCOPE : actor.scope);

/** A stored schedule with what the runner needs besides the input fields. */
export interface StoredSchedule extends ScheduleInput {
	id: number;
	createdAt: string;
	updatedAt: string;
	activeFrom: string;
	/** The owner's name, null when made on the database file; whether the owner is disabled. */
	owner: string | null;
	ownerDisabled: boolean;
	/** The scope its reports are made under: the owner's now, the whole company without an owner. */
	scope: UserScope;
}

const COLUMNS = `s.id, s.kind, s.formats, s.lang, s.filters, s.day_of_month, s.time_of_day, s.enabled, s.folder,
	s.recipients, strftime(s.active_from, ${ISO}) AS active_from, strftime(s.created_at, ${ISO}) AS created_at,
	strftime(s.updated_at, ${ISO}) AS updated_at, u.name AS owner, u.disabled_at IS NOT NULL AS owner_disabled,
	u.scope_regions, u.scope_models`;
const FROM = `report_schedules s LEFT JOIN users u ON u.id = s.owner_id`;

function toStored(r: PlainRow): StoredSchedule {
	return {
		id: Number(r.id),
		kind: String(r.kind) as StoredSchedule['kind'],
		formats: JSON.parse(String(r.formats)) as StoredSchedule['formats'],
		lang: String(r.lang) === 'en' ? 'en' : 'zh-CN',
		filters: JSON.parse(String(r.filters)) as Record<string, string[]>,
		day: Number(r.day_of_month),
		time: String(r.time_of_day),
		enabled: Boolean(r.enabled),
		folder: r.folder === null ? null : String(r.folder),
		recipients: JSON.parse(String(r.recipients)) as string[],
		activeFrom: String(r.active_from),
		createdAt: String(r.created_at),
		updatedAt: String(r.updated_at),
		owner: r.owner === null ? null : String(r.owner),
		ownerDisabled: r.owner_disabled === true,
		scope: scopeFromRow(r)
	};
}

export async function storedSchedules(db: Database): Promise<StoredSchedule[]> {
	return (await db.query(`SELECT ${COLUMNS} FROM ${FROM} ORDER BY s.id`)).map(toStored);
}

/** The schedule, if `viewer` may see it; one outside their scope is not found, like an unknown id. */
async function storedSchedule(db: Database, id: number, viewer: UserScope): Promise<StoredSchedule> {
	const [row] = await db.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE s.id = $1`, [id]);
	const stored = row ? toStored(row) : null;
	if (!stored || !withinScope(stored.scope, viewer))
		throw new ReportError(404, 'report.sc.error.notFound', { id });
	return stored;
}

/** A schedule as the page and the API show it: with its next due time in the zone and its last run. */
async function present(db: Database, s: StoredSchedule, now: Date): Promise<ReportSchedule> {
	const zone = settings().WORKBENCH_TIMEZONE;
	const last = await lastDueAt(db, s.id);
	const from = new Date(Math.max(now.getTime(), Date.parse(s.activeFrom), last ? Date.parse(last) : 0));
	const due = s.enabled ? nextDue(s.day, s.time, zone, from) : null;
	const [lastRun] = await scheduleRuns(db, s.id, 1);
	return {
		...scheduleInput(s),
		id: s.id,
		createdAt: s.createdAt,
		updatedAt: s.updatedAt,
		timeZone: zone,
		nextDue: due?.toISOString().replace('.000Z', 'Z') ?? null,
		nextDueLocal: due ? localStamp(due, zone) : null,
		lastRun: lastRun ?? null,
		owner: s.owner,
		ownerDisabled: s.ownerDisabled,
		scope: s.scope
	};
}

/** The schedules `viewer` may see: those whose reports lie within their scope. */
export async function listSchedules(
	db: Database,
	viewer: UserScope,
	now = new Date()
): Promise<ReportSchedule[]> {
	const visible = (await storedSchedules(db)).filter((s) => withinScope(s.scope, viewer));
	return Promise.all(visible.map((s) => present(db, s, now)));
}

export async function getSchedule(
	db: Database,
	id: number,
	viewer: UserScope,
	now = new Date()
): Promise<ReportSchedule> {
	return present(db, await storedSchedule(db, id, viewer), now);
}

/** What the schedules section shows beside them: the zone due times are read in, whether e-mail is set up. */
export function scheduleSettings(): ScheduleSettings {
	const { WORKBENCH_TIMEZONE, WORKBENCH_SMTP_URL, WORKBENCH_MAIL_FROM, WORKBENCH_DELIVERY_FOLDERS } =
		settings();
	return {
		timeZone: WORKBENCH_TIMEZONE,
		mail: Boolean(WORKBENCH_SMTP_URL && WORKBENCH_MAIL_FROM),
		deliveryFolders: WORKBENCH_DELIVERY_FOLDERS
	};
}

/**
 * E-mail needs the SMTP settings, and a folder must lie within the delivery folders: an enabled
 * schedule is refused when saved rather than failing each month; disabling one stays possible
 * whatever the settings. (Each run checks the folder again: the settings may have changed.)
 */
async function checkDelivery(input: ScheduleInput): Promise<void> {
	if (!input.enabled) return;
	if (input.recipients.length && !scheduleSettings().mail)
		throw new ReportError(422, 'report.sc.error.noSmtp');
	if (input.folder) await deliveryFolder(input.folder);
}

const params = (s: ScheduleInput) => [
	s.kind,
	JSON.stringify(s.formats),
	s.lang,
	JSON.stringify(s.filters),
	s.day,
	s.time,
	s.enabled,
	s.folder,
	JSON.stringify(s.recipients)
];

export async function createSchedule(
	db: Database,
	input: ScheduleInput,
	actor: ScheduleActor,
	now = new Date()
): Promise<ReportSchedule> {
	await checkDelivery(input);
	const id = await db.writeAside(async (conn) => {
		const [id] = await conn.numbers(`SELECT nextval('report_schedule_seq')`);
		await conn.run(
			`INSERT INTO report_schedules (id, kind, formats, lang, filters, day_of_month, time_of_day, enabled,
				folder, recipients, active_from, created_at, updated_at, owner_id)
			 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::TIMESTAMP, $11::TIMESTAMP, $11::TIMESTAMP, $12)`,
			[id, ...params(input), utc(now), typeof actor === 'string' ? null : actor.id]
		);
		await appendAudit(conn, {
			actor: actorName(actor),
			action: 'report.schedule.create',
			entity: 'report_schedule',
			entityId: id,
			detail: input
		});
		return id;
	});
	return getSchedule(db, id, actorScope(actor), now);
}

/** Changes a schedule `actor` may see; its owner stays who made it. */
export async function updateSchedule(
	db: Database,
	id: number,
	patch: SchedulePatch,
	actor: ScheduleActor,
	now = new Date()
): Promise<ReportSchedule> {
	const stored = await storedSchedule(db, id, actorScope(actor));
	const old = scheduleInput(stored);
	const next = scheduleInputSchema.parse({ ...old, ...patch });
	await checkDelivery(next);
	const restarts = next.day !== old.day || next.time !== old.time || (next.enabled && !old.enabled);
	await db.writeAside(async (conn) => {
		await conn.run(
			`UPDATE report_schedules SET kind = $2, formats = $3, lang = $4, filters = $5, day_of_month = $6,
				time_of_day = $7, enabled = $8, folder = $9, recipients = $10, active_from = $11::TIMESTAMP,
				updated_at = $12::TIMESTAMP WHERE id = $1`,
			[id, ...params(next), restarts ? utc(now) : utc(new Date(stored.activeFrom)), utc(now)]
		);
		await appendAudit(conn, {
			actor: actorName(actor),
			action: 'report.schedule.update',
			entity: 'report_schedule',
			entityId: id,
			detail: { old, new: next }
		});
	});
	return getSchedule(db, id, actorScope(actor), now);
}

/** Removes a schedule `actor` may see and its run history; the reports it made stay. */
export async function deleteSchedule(db: Database, id: number, actor: ScheduleActor): Promise<void> {
	const old = await storedSchedule(db, id, actorScope(actor));
	await db.writeAside(async (conn) => {
		await conn.run(`DELETE FROM report_schedule_runs WHERE schedule_id = $1`, [id]);
		await conn.run(`DELETE FROM report_schedules WHERE id = $1`, [id]);
		await appendAudit(conn, {
			actor: actorName(actor),
			action: 'report.schedule.delete',
			entity: 'report_schedule',
			entityId: id,
			detail: old
		});
	});
}
