import type { EscalationLevel, EscalationRow } from '$lib/domain/metrics/complaints';
import type { PChartRow, RepairSeriesRow } from '$lib/domain/metrics/defects';
import type { KpiRow, SignalRow } from '$lib/domain/metrics/overview';
import type { MetricContext } from './definition';
import { monthlySeriesByModel } from './defects-series';
import { KPIS, type Kpi } from './kpis';
import { kindPeriods, lastDayOf, monthsBack } from './periods';
import { escalationRows } from './complaints-escalations';
import { pChart } from './stats/p-chart';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Escalation levels as the glossary words them. */
const LEVEL_TEXT: Record<EscalationLevel, { zh: string; en: string }> = {
	'verbal-warning': { zh: '口头警告', en: 'verbal warning' },
	'final-warning': { zh: '最后通牒', en: 'final warning' },
	'exit-review': { zh: '劝退评审', en: 'exit review' },
	'complaint-fund': { zh: '投诉基金', en: 'complaint fund' },
	commendation: { zh: '年度无投诉表彰', en: 'no-complaint commendation' }
};

function sumSeries(all: readonly RepairSeriesRow[][]): RepairSeriesRow[] {
	const byMonth = new Map<string, RepairSeriesRow>();
	for (const row of all.flat()) {
		const sum = byMonth.get(row.month) ?? { month: row.month, repairs: 0, units_in_warranty: 0 };
		sum.repairs += row.repairs;
		sum.units_in_warranty += row.units_in_warranty;
		byMonth.set(row.month, sum);
	}
	return [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month));
}

/** p-chart rule hits in the last three months, for all models together and for each model. */
async function pchartSignals(
	ctx: MetricContext,
	from: string,
	to: string,
	month: string
): Promise<SignalRow[]> {
	const recent = new Set([month, monthsBack(month, 1), monthsBack(month, 2)]);
	const byModel = await monthlySeriesByModel({ ...ctx, query: { from, to, filters: ctx.query.filters } });
	const charts: [string | null, PChartRow[]][] = [...byModel].map(([model, series]) => [
		model,
		pChart(series)
	]);
	// Repairs and units in warranty add up over models: the all-models series is their sum, charted
	// only when no model is chosen.
	if (!ctx.query.filters.model) charts.unshift([null, pChart(sumSeries([...byModel.values()]))]);
	const out: SignalRow[] = [];
	for (const [model, rows] of charts) {
		for (const row of rows) {
			const { rules } = row;
			if (!rules.length || !recent.has(row.month) || row.p === null || row.ucl === null) continue;
			const who = model ?? '全部型号';
			out.push({
				kind: 'pchart',
				metric: 'defects.pchart',
				month: row.month,
				model,
				text_zh: `${who} ${row.month} 维修率触发判异准则 ${rules.join('、')}（p = ${pct(row.p)}，上限 ${pct(row.ucl)}）`,
				text_en: `${model ?? 'All models'} ${row.month}: repair rate breaks rule ${rules.join(', ')} (p = ${pct(row.p)}, UCL ${pct(row.ucl)})`
			});
		}
	}
	return out;
}

/** The size of a month-on-month change as signal text, in the unit its KPI measures changes in. */
function jumpText(kpi: Kpi, size: number): { zh: string; en: string } {
	switch (kpi.change) {
		case 'relative':
			return { zh: pct(size), en: pct(size) };
		case 'pp':
			return { zh: `${(size * 100).toFixed(1)} 个百分点`, en: `${(size * 100).toFixed(1)} pp` };
		case 'permille':
			return { zh: `${size.toFixed(2)} 个千分点`, en: `${size.toFixed(2)} ‰ points` };
		case 'points':
			return { zh: `${size.toFixed(2)} 分`, en: `${size.toFixed(2)} points` };
	}
}

/**
 * The list behind `signals`: p-chart hits, month-on-month jumps, escalations, missed service targets,
 * each from complete months only (the latest complete month of its record kind, as the overview).
 */
export async function buildSignals(
	ctx: MetricContext,
	loadKpis: (ctx: MetricContext) => Promise<KpiRow[]>
): Promise<SignalRow[]> {
	const { repair, complaint } = await kindPeriods(ctx, ['repair', 'complaint']);
	// Independent queries on connections of their own: run together, they keep both cores busy.
	const [kpis, signals, escalations] = await Promise.all([
		loadKpis(ctx),
		repair.month
			? pchartSignals(ctx, `${monthsBack(repair.month, 12)}-01`, lastDayOf(repair.month), repair.month)
			: ([] as SignalRow[]),
		complaint.month
			? escalationRows(
					{
						...ctx,
						// A year back: exit reviews look at the month before, the complaint fund counts from the start.
						query: {
							from: `${monthsBack(complaint.month, 12)}-01`,
							to: lastDayOf(complaint.month),
							filters: {}
						}
					},
					{ commendations: false }
				)
			: ([] as EscalationRow[])
	]);

	for (const row of kpis) {
		const kpi = KPIS.find((k) => k.id === row.kpi);
		const changeMom = row.change_mom;
		const threshold =
			row.change_kind === 'points' ? ctx.params.signal_jump_points[row.kpi] : ctx.params.signal_jump_share;
		if (!kpi || changeMom === null || threshold === undefined || Math.abs(changeMom) <= threshold) continue;
		const worse = kpi.better === 'up' ? changeMom < 0 : changeMom > 0;
		if (!worse) continue;
		const size = jumpText(kpi, Math.abs(changeMom));
		signals.push({
			kind: 'jump',
			metric: kpi.metric,
			month: row.month,
			model: null,
			text_zh: `${kpi.title.zh}环比${changeMom > 0 ? '上升' : '下降'} ${size.zh}`,
			text_en: `${kpi.title.en} ${changeMom > 0 ? 'up' : 'down'} ${size.en} month on month`
		});
	}

	for (const e of escalations.filter((r) => r.month === complaint.month)) {
		const level = LEVEL_TEXT[e.level];
		signals.push({
			kind: 'escalation',
			metric: 'complaints.escalations',
			month: e.month!,
			model: null,
			text_zh: `服务商 ${e.supplier}${e.issue ? `「${e.issue}」` : ''}：${e.complaints} 次投诉，${level.zh}`,
			text_en: `Supplier ${e.supplier}${e.issue ? ` (${e.issue})` : ''}: ${e.complaints} complaints, ${level.en}`
		});
	}

	// The month's complaint SLA shares are headline figures already.
	for (const [kpiId, zh, en] of [
		['response_on_time', '投诉响应及时率', 'Complaint response within target'],
		['resolution_on_time', '投诉解决及时率', 'Complaint resolution within target']
	] as const) {
		const row = kpis.find((k) => k.kpi === kpiId);
		const share = row?.value;
		if (!row || typeof share !== 'number' || share >= ctx.params.sla_min_share) continue;
		signals.push({
			kind: 'sla',
			metric: 'complaints.sla',
			month: row.month,
			model: null,
			text_zh: `${zh} ${pct(share)}，低于 ${pct(ctx.params.sla_min_share)}`,
			text_en: `${en} ${pct(share)}, below ${pct(ctx.params.sla_min_share)}`
		});
	}
	return signals;
}
