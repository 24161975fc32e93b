import type {
	ComplaintBacklogRow,
	ComplaintBreakdownRow,
	ComplaintsSlaRow,
	EscalationRow
} from './complaints';
import type { CostDriverRow, CostMonthlyRow } from './cost';
import type { DefectsMonthlyRow, MisRow, ParetoRow, PChartRow } from './defects';
import type { KpiRow, SignalRow } from './overview';
import type { RepeatRow, TurnaroundRow } from './repairs';
import type { ReturnBreakdownRow, ReturnsMonthlyRow } from './returns';
import type {
	SatisfactionBreakdownRow,
	SatisfactionDistributionRow,
	SatisfactionMonthlyRow
} from './satisfaction';
import type { WeibullRow } from './warranty';

/** Every metric id and the row it returns: the server's definitions produce them, the pages read them. */
export interface MetricRows {
	'defects.monthly': DefectsMonthlyRow;
	'defects.pareto': ParetoRow;
	'defects.pchart': PChartRow;
	'defects.mis': MisRow;
	'warranty.weibull': WeibullRow;
	'repairs.turnaround': TurnaroundRow;
	'repairs.repeat': RepeatRow;
	'cost.monthly': CostMonthlyRow;
	'cost.drivers': CostDriverRow;
	'returns.monthly': ReturnsMonthlyRow;
	'returns.breakdown': ReturnBreakdownRow;
	'complaints.sla': ComplaintsSlaRow;
	'complaints.escalations': EscalationRow;
	'complaints.breakdown': ComplaintBreakdownRow;
	'complaints.backlog': ComplaintBacklogRow;
	'satisfaction.monthly': SatisfactionMonthlyRow;
	'satisfaction.breakdown': SatisfactionBreakdownRow;
	'satisfaction.distribution': SatisfactionDistributionRow;
	'overview.kpis': KpiRow;
	signals: SignalRow;
}

export type MetricId = keyof MetricRows;
