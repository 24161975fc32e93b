import { delimiter, resolve } from 'node:path';
import { z } from 'zod';
import { UserError } from '$lib/domain/errors';
import { isTimeZone } from '$lib/domain/reports/due';
import { LOCALES } from '$lib/i18n';

const path = (fallback: string) =>
	z
		.string()
		.trim()
		.min(1)
		.default(fallback)
		.transform((value) => resolve(value));
const megabytes = (fallback: number) => z.coerce.number().positive().finite().default(fallback);

/** Every WORKBENCH_* setting, its default and its form: the one place the environment is read. */
const settingsSchema = z.object({
	WORKBENCH_DB: path('data/workbench.duckdb'),
	WORKBENCH_UPLOADS: path('data/uploads'),
	WORKBENCH_MAX_UPLOAD_MB: megabytes(1024),
	WORKBENCH_PROFILES: path('data/profiles'),
	WORKBENCH_METRICS: path('data/metrics.json'),
	WORKBENCH_STANDARD: path('data/standards/gbt27922-2011.json'),
	WORKBENCH_EVIDENCE: path('data/evidence'),
	WORKBENCH_MAX_EVIDENCE_MB: megabytes(50),
	WORKBENCH_IMPORT_MEMORY: z
		.string()
		.trim()
		.regex(/^\d+(\.\d+)?\s*[KMGT]i?B$/i, 'must look like 512MB')
		.default('512MB'),
	WORKBENCH_SAMPLES: path('data/samples'),
	/** adapter-node's port; the CLI forwards to it on loopback when ORIGIN is unset. */
	PORT: z.coerce.number().int().min(1).max(65535).default(3000),
	/** The language of the CLI's words, zh-CN or en; unset: its own words in English, errors in both. */
	WORKBENCH_LANG: z.enum(LOCALES).optional(),
	/** The API token the CLI sends its work to the running server with (else --token). */
	WORKBENCH_TOKEN: z.string().trim().min(1).optional(),
	/** The one address users reach the server by (adapter-node's setting); its host is the one accepted. */
	ORIGIN: z.url().optional(),
	/** Further Host header values accepted (a reverse proxy's name), comma-separated. */
	WORKBENCH_ALLOWED_HOSTS: z
		.string()
		.default('')
		.transform((value) =>
			value
				.split(',')
				.map((host) => host.trim().toLowerCase())
				.filter(Boolean)
		),
	/** A session unused this long ends (hours). */
	WORKBENCH_SESSION_IDLE_HOURS: z.coerce.number().positive().finite().default(8),
	/** A session ends this long after login however busy (days). */
	WORKBENCH_SESSION_MAX_DAYS: z.coerce.number().positive().finite().default(7),
	WORKBENCH_REPORTS: path('data/reports'),
	/**
	 * The folders scheduled reports may be written into (or below), separated as in PATH: the server
	 * writes nowhere else whatever folder a user types.
	 */
	WORKBENCH_DELIVERY_FOLDERS: z
		.string()
		.default('data/deliveries')
		.transform((value) =>
			value
				.split(delimiter)
				.map((folder) => folder.trim())
				.filter(Boolean)
				.map((folder) => resolve(folder))
		),
	/** The Chromium that prints report PDFs (Debian's package by default). */
	CHROMIUM_PATH: z.string().trim().min(1).default('/usr/bin/chromium'),
	/** The IANA zone report schedules' day and time are read in. */
	WORKBENCH_TIMEZONE: z
		.string()
		.trim()
		.refine(isTimeZone, 'must be an IANA time zone such as Asia/Shanghai')
		.default('Asia/Shanghai'),
	/** Where scheduled reports are mailed from, e.g. smtp://user:pass@host:587; unset: no e-mail delivery. */
	WORKBENCH_SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
	WORKBENCH_MAIL_FROM: z.email().optional()
});

export type Settings = z.output<typeof settingsSchema>;
export const SETTING_NAMES = Object.keys(settingsSchema.shape) as (keyof Settings)[];

/**
 * The settings as the environment says now. Read on every call, not once: tests and the CLI point a
 * running process at another folder by changing the environment. An empty variable means the default.
 */
export function settings(): Settings {
	const given: Record<string, string> = {};
	for (const name of SETTING_NAMES) {
		const value = process.env[name];
		if (value !== undefined && value.trim() !== '') given[name] = value;
	}
	const parsed = settingsSchema.safeParse(given);
	if (parsed.success) return parsed.data;
	const issue = parsed.error.issues[0];
	throw new UserError('system.badSetting', {
		name: String(issue.path[0]),
		value: given[String(issue.path[0])] ?? '',
		problem: issue.message
	});
}
