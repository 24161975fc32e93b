import { KPI_VALUE_KINDS } from '$lib/domain/metrics/overview';
import type { MetricRows } from '$lib/domain/metrics/rows';
import { changeCellKind } from '$lib/domain/reports/cells';
import type { ReportBlock, ReportSection } from '$lib/domain/reports/document';
import { monthsBack } from '../metrics/periods';
import type { ReportFigures } from './builders';

/**
 * The monthly review's opening: the month's headline figures against the month before and a year before,
 * each change in its kind (relative, or points in the unit of the figure). A figure whose own latest
 * complete (or mature) month is another — the 30-day repeat rate, a kind of data that ends earlier —
 * names that month, and a note says its comparisons are with that month's: no figure stands under a
 * month it is not of.
 */
export function kpiSection(
	f: ReportFigures,
	month: string,
	kpis: MetricRows['overview.kpis'][]
): ReportSection {
	const { t } = f;
	const ownMonth = kpis.some((k) => k.month !== month);
	return {
		id: 'kpis',
		title: t('overview.kpis'),
		blocks: [
			{
				type: 'table',
				table: {
					id: 'kpis',
					title: t('report.mr.kpiTable', { month }),
					columns: [
						{ key: 'name', label: t('report.col.metric') },
						{ key: 'value', label: month, kindFrom: 'kind' },
						{ key: 'previous', label: monthsBack(month, 1), kindFrom: 'kind' },
						{ key: 'change_mom', label: t('overview.mom'), kindFrom: 'change_kind' },
						{ key: 'last_year', label: monthsBack(month, 12), kindFrom: 'kind' },
						{ key: 'change_yoy', label: t('overview.yoy'), kindFrom: 'change_kind' }
					],
					rows: kpis.map((k) => {
						const name = t(`kpi.${k.kpi}` as 'kpi.repairs');
						const kind = KPI_VALUE_KINDS[k.kpi] ?? 'decimal';
						return {
							name: k.month === month ? name : t('report.mr.kpiOwnMonth', { name, month: k.month }),
							kind,
							change_kind: changeCellKind(k.change_kind, kind),
							value: k.value,
							previous: k.previous,
							change_mom: k.change_mom,
							last_year: k.last_year,
							change_yoy: k.change_yoy
						};
					})
				}
			},
			...(ownMonth ? [{ type: 'paragraph' as const, text: t('report.mr.kpiOwnMonthNote', { month }) }] : [])
		]
	};
}

/** The signals the month raised, in the report's language. */
export function signalSection(f: ReportFigures, signals: MetricRows['signals'][]): ReportSection {
	const { t } = f;
	return {
		id: 'signals',
		title: t('overview.signals'),
		blocks: signals.length
			? signals.map((s): ReportBlock => ({
					type: 'paragraph',
					text: f.ctx.lang === 'en' ? s.text_en : s.text_zh
				}))
			: [{ type: 'paragraph', text: t('overview.noSignals') }]
	};
}
