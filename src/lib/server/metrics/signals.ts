import { scopeQuery } from '$lib/domain/auth/scope';
import { NO_SCOPE } from '$lib/domain/auth/user';
import type { EscalationLevel, EscalationRow } from '$lib/domain/metrics/complaints';
import {
	pickedChart,
	type PChartRow,
	type RepairSeriesRow,
	type WesternElectricRule
} from '$lib/domain/metrics/defects';
import type { KpiRow, SignalDirection, SignalRow } from '$lib/domain/metrics/overview';
import type { MetricContext } from './definition';
import { monthlySeriesByModel } from './defects-series';
import { KPIS, type Kpi } from './kpis';
import { kindPeriods, lastDayOf, monthsBack } from './periods';
import { escalationRows } from './complaints-escalations';
import { pChart } from './stats/p-chart';
import { cached } from './cache';

const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits)}%`;

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

/**
 * What a month's rule hits say, by the most telling rule: the control limit it is beyond (rule 1),
 * else the zone line or the centre line of its run (2, 3, 4), on its side of the centre.
 */
function pchartPattern(rule: WesternElectricRule, direction: SignalDirection): { zh: string; en: string } {
	const up = direction === 'worse';
	const side = up ? { zh: '高于', en: 'above' } : { zh: '低于', en: 'below' };
	const kOfN = (k: number, n: number, sigmas: number) => ({
		zh: `近 ${n} 个月中 ${k} 个月${side.zh} ${sigmas}σ 线`,
		en: `${side.en} the ${sigmas}σ line in ${k} of the last ${n} months`
	});
	switch (rule) {
		case 1:
			return up
				? { zh: '高于上控制限', en: 'above the upper control limit' }
				: { zh: '低于下控制限', en: 'below the lower control limit' };
		case 2:
			return kOfN(2, 3, 2);
		case 3:
			return kOfN(4, 5, 1);
		case 4:
			return { zh: `连续 8 个月${side.zh}中心线`, en: `${side.en} the centre line 8 months in a row` };
	}
}

/**
 * The signal of one month of a p-chart, on the chart its diagnostic picks, or null without a rule
 * hit there. A higher repair rate is worse: a month above the centre points to worse quality.
 */
export function pchartSignal(model: string | null, row: PChartRow): SignalRow | null {
	const laney = row.chart === 'laney';
	const { ucl, lcl, rules } = pickedChart(row);
	const { p, center } = row;
	if (!rules.length || p === null || center === null || ucl === null || lcl === null) return null;
	// A rule is completed only by a point on its pattern's side, so the month's side is the pattern's.
	const direction: SignalDirection = p > center ? 'worse' : 'better';
	const pattern = pchartPattern(rules[0], direction);
	const beyond = rules[0] === 1;
	const limit = direction === 'worse' ? ucl : lcl;
	const chart = laney ? { zh: 'Laney p′ 图', en: 'Laney p′ chart' } : { zh: 'p 图', en: 'p-chart' };
	const valuesZh = beyond
		? `p = ${pct(p, 2)}，${direction === 'worse' ? '上限' : '下限'} ${pct(limit, 2)}`
		: `p = ${pct(p, 2)}，中心线 ${pct(center, 2)}`;
	const valuesEn = beyond
		? `p = ${pct(p, 2)}, ${direction === 'worse' ? 'UCL' : 'LCL'} ${pct(limit, 2)}`
		: `p = ${pct(p, 2)}, centre ${pct(center, 2)}`;
	return {
		kind: 'pchart',
		metric: 'defects.pchart',
		month: row.month,
		model,
		text_zh: `${model ?? '全部型号'} ${row.month} 维修率${pattern.zh}（${valuesZh}，${chart.zh}），判异准则 ${rules.join('、')}`,
		text_en: `${model ?? 'All models'} ${row.month}: repair rate ${pattern.en} (${valuesEn}, ${chart.en}); rule ${rules.join(', ')}`,
		direction
	};
}

/** p-chart rule hits in the last three months, for all models together and for each model. */
async function pchartSignals(
	ctx: MetricContext,
	from: string,
	to: string,
	month: string
): Promise<SignalRow[]> {
	const recent = new Set([month, monthsBack(month, 1), monthsBack(month, 2)]);
	const byModel = await monthlySeriesByModel({
		...ctx,
		query: { from, to, filters: ctx.query.filters, scope: ctx.query.scope }
	});
	const charts: [string | null, PChartRow[]][] = [...byModel].map(([model, series]) => [
		model,
		pChart(series)
	]);
	// Repairs and units in warranty add up over models: the all-models series is their sum, charted
	// only when no model is chosen.
	if (!ctx.query.filters.model) charts.unshift([null, pChart(sumSeries([...byModel.values()]))]);
	return charts.flatMap(([model, rows]) =>
		rows.flatMap((row) => {
			const signal = recent.has(row.month) ? pchartSignal(model, row) : null;
			return signal ? [signal] : [];
		})
	);
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
 * The suppliers' escalations up to `month`, for the signals. A year back: exit reviews look at the month
 * before, the complaint fund counts from the start. The page's filters do not apply to suppliers'
 * escalations, the user's scope does: every signals request of one month and scope shares one reading.
 */
function monthEscalations(ctx: MetricContext, month: string): Promise<EscalationRow[]> {
	const query = scopeQuery(
		{ from: `${monthsBack(month, 12)}-01`, to: lastDayOf(month), filters: {} },
		ctx.query.scope ?? NO_SCOPE
	);
	return cached(ctx.db, JSON.stringify(['signals.escalations', query, ctx.params]), () =>
		escalationRows({ ...ctx, query }, { commendations: false })
	);
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
		complaint.month ? monthEscalations(ctx, complaint.month) : ([] as EscalationRow[])
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
			text_en: `${kpi.title.en} ${changeMom > 0 ? 'up' : 'down'} ${size.en} month on month`,
			direction: 'worse'
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
			text_en: `Supplier ${e.supplier}${e.issue ? ` (${e.issue})` : ''}: ${e.complaints} complaints, ${level.en}`,
			direction: null
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
			text_en: `${en} ${pct(share)}, below ${pct(ctx.params.sla_min_share)}`,
			direction: null
		});
	}
	return signals;
}
