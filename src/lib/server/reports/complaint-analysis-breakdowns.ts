import { paretoOption } from '$lib/charts/pareto';
import type { ComplaintBreakdownRow } from '$lib/domain/metrics/complaints';
import type { ReportBlock, ReportSection } from '$lib/domain/reports/document';
import type { ReportFigures } from './builders';

/** The dimensions the complaint office breaks a month down by, in the order printed. */
export const BREAKDOWNS = ['category', 'channel', 'product_model', 'supplier'] as const;

/** A breakdown's chart (Pareto, as on the dashboards) and its table, no value named as such. */
function breakdownBlock(
	f: ReportFigures,
	dim: (typeof BREAKDOWNS)[number],
	month: string,
	rows: ComplaintBreakdownRow[]
): ReportBlock {
	const { t, locale } = f;
	const title = t(`report.ca.by.${dim}`, { month });
	return {
		type: 'chart',
		title,
		option: paretoOption({
			rows,
			valueField: 'count',
			kind: 'count',
			labels: {
				value: t('complaints.count'),
				cumulative: t('pareto.cumulative'),
				threshold: t('pareto.threshold'),
				empty: t('report.ca.noValue')
			},
			locale,
			maxBars: 12
		}),
		printTable: true,
		table: {
			id: `by_${dim}`,
			title,
			empty: t('report.empty'),
			columns: [
				{ key: 'key', label: t(`report.ca.col.${dim}`) },
				{ key: 'count', label: t('complaints.count'), kind: 'count' },
				{ key: 'share', label: t('report.ca.share'), kind: 'share' }
			],
			rows: rows.map((r) => ({ ...r, key: r.key ?? t('report.ca.noValue') }))
		}
	};
}

/** The month's complaints by each dimension of BREAKDOWNS; rows[i] are the rows of BREAKDOWNS[i]. */
export function breakdownSection(
	f: ReportFigures,
	month: string,
	rows: ComplaintBreakdownRow[][]
): ReportSection {
	const { t } = f;
	return {
		id: 'breakdowns',
		title: t('report.ca.breakdowns'),
		blocks: BREAKDOWNS.map((dim, i) => breakdownBlock(f, dim, month, rows[i]))
	};
}
