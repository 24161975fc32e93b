/** Report schedules as exchanged over HTTP and the CLI: the input schema and the stored shapes. */
import { z } from 'zod';
import type { UserScope } from '../auth/user';
import { reportFiltersSchema } from './api';
import { REPORT_FORMATS } from './document';

/** Only the monthly reports can be scheduled: the audit pack is made of one finalised assessment. */
export const SCHEDULE_KINDS = ['monthly-review', 'complaint-analysis'] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

/** Absolute, so the folder does not depend on where the server or the CLI was started. */
const folder = z
	.string()
	.trim()
	.refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p), 'must be an absolute path');

const fields = {
	kind: z.enum(SCHEDULE_KINDS),
	formats: z
		.array(z.enum(REPORT_FORMATS))
		.min(1)
		.refine((f) => new Set(f).size === f.length, 'must not repeat a format'),
	lang: z.enum(['zh-CN', 'en']),
	filters: reportFiltersSchema,
	day: z.number().int().min(1).max(31),
	time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24 h)'),
	enabled: z.boolean(),
	folder: folder.nullable(),
	recipients: z.array(z.email()).max(50)
};

/**
 * A schedule delivers somewhere, and an e-mail carries the PDF, so a mailed schedule makes one. A
 * PATCH is merged into the stored schedule and the whole checked again here.
 */
export const scheduleInputSchema = z
	.object({
		...fields,
		formats: fields.formats.default(['pdf']),
		lang: fields.lang.default('zh-CN'),
		filters: fields.filters.default({}),
		enabled: fields.enabled.default(true),
		folder: fields.folder.default(null),
		recipients: fields.recipients.default([])
	})
	.refine((s) => s.folder || s.recipients.length, {
		path: ['delivery'],
		message: 'needs a folder or at least one e-mail recipient'
	})
	.refine((s) => !s.recipients.length || s.formats.includes('pdf'), {
		path: ['formats'],
		message: 'an e-mail delivery sends the PDF: include pdf'
	});
export type ScheduleInput = z.output<typeof scheduleInputSchema>;

/** The fields a schedule is made of, without what is stored or shown beside them. */
export function scheduleInput(s: ScheduleInput): ScheduleInput {
	const { kind, formats, lang, filters, day, time, enabled, folder, recipients } = s;
	return {
		kind,
		formats: [...formats],
		lang,
		filters,
		day,
		time,
		enabled,
		folder,
		recipients: [...recipients]
	};
}

/** A PATCH: any field; the merged schedule is checked again by scheduleInputSchema. */
export const schedulePatchSchema = z.object(fields).partial();
export type SchedulePatch = z.output<typeof schedulePatchSchema>;

export type RunOutcome = 'running' | 'ok' | 'failed';

export interface ScheduleRun {
	scheduleId: number;
	/** The due instant this run was for, ISO UTC; each is run at most once. */
	dueAt: string;
	ranAt: string;
	/** One stored snapshot per format. */
	reportIds: string[];
	outcome: RunOutcome;
	error: string | null;
}

/** What the schedules section shows beside them. */
export interface ScheduleSettings {
	/** The zone due times are read in. */
	timeZone: string;
	/** Whether e-mail is set up. */
	mail: boolean;
	/** The folders a schedule may deliver into (or below): WORKBENCH_DELIVERY_FOLDERS. */
	deliveryFolders: string[];
}

export interface ReportSchedule extends ScheduleInput {
	id: number;
	createdAt: string;
	updatedAt: string;
	/** The time zone due times are read in (WORKBENCH_TIMEZONE). */
	timeZone: string;
	/** The next due instant (ISO UTC) and the same as the zone's clock reads it; null when disabled. */
	nextDue: string | null;
	nextDueLocal: string | null;
	lastRun: ScheduleRun | null;
	/** Who made it (null: made on the database file), whether they are disabled (it does not run then). */
	owner: string | null;
	ownerDisabled: boolean;
	/** The scope its reports are made under: the owner's as it is now; empty lists, the whole company. */
	scope: UserScope;
}
