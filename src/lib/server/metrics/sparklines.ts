import type { KpiRow } from '$lib/domain/metrics/overview';
import type { MetricInfo, MetricQuery } from '$lib/domain/metrics/query';
import type { MetricId } from '$lib/domain/metrics/rows';
import type { Database } from '$lib/server/db/connection';
import { loadMetric } from './blocks';
import { lastDayOf, monthsBack } from './periods';

/** Months a sparkline covers: the KPI's month and the twelve before it. */
export const SPARK_MONTHS = 13;

/**
 * Each KPI's monthly values over the 13 months up to its month, read through the registry (one run per
 * metric) with the page's filters and the user's scope; a month without a row is null.
 */
export async function kpiSparklines(
	db: Database,
	infos: Record<string, MetricInfo>,
	kpis: readonly KpiRow[],
	{ filters, scope }: Pick<MetricQuery, 'filters' | 'scope'>
): Promise<Record<string, (number | null)[]>> {
	const out: Record<string, (number | null)[]> = {};
	const runs = new Map<string, Promise<Map<string, Record<string, unknown>>>>();
	const monthsOf = (kpi: KpiRow) =>
		Array.from({ length: SPARK_MONTHS }, (_, i) => monthsBack(kpi.month, SPARK_MONTHS - 1 - i));
	// Every run starts before any is awaited: the metrics are read side by side, not one after another.
	for (const kpi of kpis) {
		const key = `${kpi.metric} ${kpi.month}`;
		if (runs.has(key)) continue;
		const query = { from: `${monthsOf(kpi)[0]}-01`, to: lastDayOf(kpi.month), filters, scope };
		runs.set(
			key,
			loadMetric(db, infos, kpi.metric as MetricId, query).then(
				(block) =>
					new Map((block.rows as Record<string, unknown>[]).map((r) => [String(r.month).slice(0, 7), r]))
			)
		);
	}
	for (const kpi of kpis) {
		const byMonth = await runs.get(`${kpi.metric} ${kpi.month}`)!;
		out[kpi.kpi] = monthsOf(kpi).map((m) => {
			const v = byMonth.get(m)?.[kpi.column];
			return typeof v === 'number' ? v : null;
		});
	}
	return out;
}
