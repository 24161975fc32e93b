/**
 * The overview's headline figures as drill-down figures: each KPI of its month opens the records it is
 * computed from (the numerator of a rate, the met or missed records of a share, the repairs of a cost,
 * the responses of a score).
 */
import type { KpiRow } from '$lib/domain/metrics/overview';
import { shareDrill, type Figure, type SeriesDrill } from './drill';

type KpiDrill = SeriesDrill & { table: string; isCount?: boolean };

const inWarranty = { in_warranty: ['yes'] };

const KPI_DRILLS: Record<string, KpiDrill> = {
	repairs: { table: 'repairs', isCount: true },
	repair_rate: { table: 'repairs', filters: inWarranty, note: 'rate' },
	turnaround_median: { table: 'repairs', note: 'hours' },
	repair_on_time: { table: 'repairs', ...shareDrill('onTime', 'within_target', 'over_target') },
	repeat_rate: { table: 'repairs', rules: [{ name: 'repeat_30d' }], note: 'rate' },
	warranty_cost: { table: 'repairs', filters: inWarranty, note: 'amount' },
	cost_per_unit: { table: 'repairs', filters: inWarranty, note: 'perUnit' },
	returns: { table: 'returns', isCount: true },
	return_rate: { table: 'returns', note: 'rate' },
	complaints: { table: 'complaints', isCount: true },
	response_on_time: { table: 'complaints', ...shareDrill('onTime', 'response_ok', 'response_late') },
	resolution_on_time: { table: 'complaints', ...shareDrill('onTime', 'resolution_ok', 'resolution_late') },
	csat: { table: 'surveys', note: 'mean' },
	nps: { table: 'surveys', note: 'mean' }
};

/** The records behind a KPI of its month; null for a KPI without records of its own. */
export function kpiFigure(row: KpiRow, title: string): Figure | null {
	const drill = KPI_DRILLS[row.kpi];
	if (!drill) return null;
	return {
		label: `${title} · ${row.month}`,
		table: drill.table,
		month: row.month,
		filters: drill.filters,
		rules: drill.rules,
		value: drill.isCount && typeof row.value === 'number' ? row.value : null,
		note: drill.note ?? 'kpi',
		...(drill.share
			? { share: { ...drill.share, value: typeof row.value === 'number' ? row.value : null } }
			: {})
	};
}
