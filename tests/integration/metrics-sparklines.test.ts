import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KpiRow } from '../../src/lib/domain/metrics/overview';
import { infoMap } from '../../src/lib/server/metrics/blocks';
import { runMetric } from '../../src/lib/server/metrics/registry';
import { kpiSparklines, SPARK_MONTHS } from '../../src/lib/server/metrics/sparklines';
import { importDemoData } from '../helpers/demo-data';
import { tempDatabase } from '../helpers/temp-db';

describe('kpiSparklines on the demo data', () => {
	let ctx: Awaited<ReturnType<typeof tempDatabase>>;
	beforeAll(async () => {
		ctx = await tempDatabase();
		await importDemoData(ctx.db);
	}, 60_000);
	afterAll(() => ctx.remove());

	it('gives 13 monthly values per KPI ending with the KPI value and its previous month', async () => {
		const kpis = (await runMetric(ctx.db, 'overview.kpis', { to: '2024-07-31', filters: {} }))
			.rows as KpiRow[];
		expect(kpis.length).toBeGreaterThan(0);
		const spark = await kpiSparklines(ctx.db, await infoMap(), kpis, { filters: {} });
		for (const kpi of kpis) {
			const series = spark[kpi.kpi];
			expect(series, kpi.kpi).toHaveLength(SPARK_MONTHS);
			expect(series[SPARK_MONTHS - 1], kpi.kpi).toBe(kpi.value);
			expect(series[SPARK_MONTHS - 2], kpi.kpi).toBe(kpi.previous);
		}
	});
});
