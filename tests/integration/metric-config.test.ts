import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest';
import { loadMetricConfig, saveMetricConfig } from '../../src/lib/server/metrics/config';
import { metricInfos, runMetric } from '../../src/lib/server/metrics/registry';
import { tempDatabase } from '../helpers/temp-db';

describe('metric configuration as data', () => {
	let ctx: Awaited<ReturnType<typeof tempDatabase>>;
	let path: string;
	beforeAll(async () => {
		ctx = await tempDatabase();
		path = join(ctx.dir, 'metrics.json');
		copyFileSync(join(import.meta.dirname, '../../data/metrics.json'), path);
		process.env.WORKBENCH_METRICS = path;
		await importFile(ctx.db, join(import.meta.dirname, '../fixtures/import/repairs-forms.csv'), {
			kind: 'repair'
		});
	});
	afterAll(() => {
		delete process.env.WORKBENCH_METRICS;
		ctx.remove();
	});

	it('has a definition for every metric in the registry', async () => {
		for (const info of await metricInfos()) {
			expect(info.definition.zh.length, info.id).toBeGreaterThan(10);
			expect(info.definition.en.length, info.id).toBeGreaterThan(10);
			expect(info.title.zh, info.id).not.toBe(info.id);
		}
	});

	it('applies an edited target to the next run and refuses an invalid file', async () => {
		// R001: received 2025-06-03 00:00, completed 2025-06-04 10:00 → 34 h; R002: 2025-06-03 14:05 → 2025-06-05 09:30 = 43.42 h;
		// R004: 14:05 → next day 08:00 = 17.92 h; the other 7 are not completed. Within 72 h: 3 of 10; within 24 h: 1 of 10.
		const before = await runMetric(ctx.db, 'repairs.turnaround', { filters: {} });
		expect(before.rows[0].within_target_share).toBeCloseTo(0.3, 10);
		const config = await loadMetricConfig();
		await saveMetricConfig({ ...config, params: { ...config.params, repair_target_hours: 24 } });
		expect(JSON.parse(readFileSync(path, 'utf8')).params.repair_target_hours).toBe(24);
		const after = await runMetric(ctx.db, 'repairs.turnaround', { filters: {} });
		expect(after.rows[0].within_target_share).toBeCloseTo(0.1, 10);
		await expect(
			saveMetricConfig({ ...config, params: { ...config.params, repair_target_hours: -1 } })
		).rejects.toThrow();
		expect(JSON.parse(readFileSync(path, 'utf8')).params.repair_target_hours).toBe(24);
	});
});
