import { readFile, stat, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { appendAudit } from '../audit/log';
import type { Database } from '../db/connection';
import { settings } from '$lib/server/config';

/** Targets and thresholds users tune; editable as data (data/metrics.json), never constants in code. */
const paramsSchema = z.object({
	warranty_months_default: z.number().int().positive(),
	warranty_months: z.record(z.string(), z.number().int().positive()),
	repair_target_hours: z.number().positive(),
	counter_target_minutes: z.number().positive(),
	inspection_target_minutes: z.number().positive(),
	response_target_hours: z.number().positive(),
	resolution_target_hours: z.number().positive(),
	verbal_warning_over: z.number().int().nonnegative(),
	final_warning_over: z.number().int().nonnegative(),
	complaint_fund_over: z.number().int().nonnegative(),
	signal_jump_share: z.number().positive(),
	/** Per KPI id whose change is in points, the jump in its own unit (share 0.05 = 5 pp, ‰, score). */
	signal_jump_points: z.record(z.string(), z.number().positive()),
	sla_min_share: z.number().min(0).max(1)
});

const textSchema = z.object({
	title_zh: z.string(),
	title_en: z.string(),
	unit: z.string(),
	definition_zh: z.string(),
	definition_en: z.string()
});

export const metricConfigSchema = z.object({
	params: paramsSchema,
	metrics: z.record(z.string(), textSchema)
});
type MetricConfig = z.infer<typeof metricConfigSchema>;
export type MetricParams = MetricConfig['params'];

function metricConfigPath(): string {
	return settings().WORKBENCH_METRICS;
}

let cached: { path: string; mtimeMs: number; checkedAt: number; config: MetricConfig } | null = null;

/**
 * How long the file is trusted unchanged: every metric run asks for the configuration, and a stat of
 * the file for each (dozens per page) queued behind other file work under load.
 */
const RECHECK_MS = 1000;

/** The current configuration; re-read when the file changes, so an edit applies within a second, without a restart. */
export async function loadMetricConfig(path = metricConfigPath()): Promise<MetricConfig> {
	const now = Date.now();
	if (cached && cached.path === path && now - cached.checkedAt < RECHECK_MS) return cached.config;
	const { mtimeMs } = await stat(path);
	if (cached && cached.path === path && cached.mtimeMs === mtimeMs) {
		cached.checkedAt = now;
		return cached.config;
	}
	const parsed = metricConfigSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
	if (!parsed.success) throw new Error(`${path}: ${z.prettifyError(parsed.error)}`);
	cached = { path, mtimeMs, checkedAt: now, config: parsed.data };
	return parsed.data;
}

/** Replaces the configuration file (validated first); the next metric run uses it. */
export async function saveMetricConfig(
	config: MetricConfig,
	path = metricConfigPath()
): Promise<MetricConfig> {
	const valid = metricConfigSchema.parse(config);
	await writeFile(path, `${JSON.stringify(valid, null, '\t')}\n`);
	cached = null;
	return loadMetricConfig(path);
}

/**
 * Replaces the configuration as a user's change: the audit entry (what the parameters were and became)
 * is written in the same transaction as the file, and a file that cannot be written rolls it back.
 */
export async function updateMetricConfig(
	db: Database,
	config: MetricConfig,
	actor: string
): Promise<MetricConfig> {
	const before = await loadMetricConfig();
	return db.write(async (conn) => {
		await appendAudit(conn, {
			actor,
			action: 'metric-config.update',
			entity: 'metric-config',
			detail: { params: { before: before.params, after: metricConfigSchema.parse(config).params } }
		});
		return saveMetricConfig(config);
	});
}
