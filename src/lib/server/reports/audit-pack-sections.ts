import type { MetricProposal, VersionView } from '$lib/domain/assessment/api';
import { gapToNextLevel } from '$lib/domain/assessment/gap';
import { itemStatusKey, levelKey } from '$lib/domain/assessment/labels';
import { leaves } from '$lib/domain/assessment/catalogue';
import { metricValueKind } from '$lib/domain/assessment/metric';
import { isOverdue, rectificationPlan } from '$lib/domain/assessment/rectification-plan';
import { scoringInput } from '$lib/domain/assessment/workspace-state';
import { formatValue } from '$lib/charts/format';
import type { Cell, ReportBlock, ReportSection } from '$lib/domain/reports/document';
import type { ReportFigures } from './builders';

/** Sections of the audit pack: what is missing, what is being done, the data behind the items, the deductions. */

/** What the sections share: the final version, its figures, and names in the report's language. */
export interface PackContext {
	f: ReportFigures;
	view: VersionView;
	title: (id: string) => string;
}

/** The check items that lift the score to the next level (gap.ts), or why no set of items can. */
export function gapSection({ f, view, title }: PackContext): ReportSection {
	const { t, locale } = f;
	const gap = gapToNextLevel(view.version.catalogue, scoringInput(view.version.state));
	const num = (v: number | null) => formatValue(v, 'decimal', locale);
	const blocks: ReportBlock[] = [];
	if (gap.target === null) blocks.push({ type: 'paragraph', text: t('as.gap.top') });
	else if (!gap.reachable)
		blocks.push({
			type: 'paragraph',
			text:
				gap.blocked === 'deductions'
					? t('as.gap.blockedDeductions', { level: t(levelKey(gap.target)) })
					: t('as.gap.blockedPoints')
		});
	else
		blocks.push(
			{
				type: 'paragraph',
				text: t('as.gap.to', {
					level: t(levelKey(gap.target)),
					min: gap.targetScore ?? 0,
					needed: num(gap.needed)
				})
			},
			{
				type: 'table',
				table: {
					id: 'gap',
					title: t('report.ap.gapTable'),
					columns: [
						{ key: 'id', label: t('report.ap.col.id') },
						{ key: 'item', label: t('report.ap.col.item') },
						{ key: 'status', label: t('report.ap.col.status') },
						{ key: 'points', label: t('report.ap.col.points'), kind: 'decimal' },
						{ key: 'earned', label: t('report.ap.col.earned'), kind: 'decimal' },
						{ key: 'gain', label: t('report.ap.col.gain'), kind: 'decimal' }
					],
					rows: gap.items.map((g) => ({
						id: g.id,
						item: title(g.id),
						status: t(itemStatusKey(g.status)),
						points: g.points,
						earned: g.earned,
						gain: g.gain
					}))
				}
			},
			{
				type: 'paragraph',
				text: t('as.gap.after', {
					score: num(gap.scoreAfter),
					level: t(levelKey(gap.levelAfter ?? gap.target))
				})
			}
		);
	return { id: 'gap', title: t('report.ap.gap'), blocks };
}

const DAY_MS = 86_400_000;

/** Every nonconforming item and deduction with the actions recorded for it, overdue days as of the report. */
export function planSection({ f, view, title }: PackContext): ReportSection {
	const { t } = f;
	const { state, catalogue } = view.version;
	const day = f.ctx.generatedAt.slice(0, 10);
	const plan = rectificationPlan(
		state,
		leaves(catalogue).map((l) => l.id),
		view.rectifications
	);
	const rows = plan.flatMap((entry): Record<string, Cell>[] => {
		const n = entry.deductionIndex ?? 0;
		const target =
			entry.source === 'leaf'
				? t('as.rect.leaf', { id: entry.leafId ?? '' })
				: t('as.rect.deduction', { n: n + 1 });
		const base = {
			target: entry.required ? target : `${target} (${t('as.rect.notRequired')})`,
			subject: entry.source === 'leaf' ? title(entry.leafId ?? '') : (state.deductions[n]?.reason ?? '')
		};
		if (!entry.actions.length)
			return [{ ...base, action: t('as.rect.missing'), owner: null, due: null, status: null, overdue: null }];
		return entry.actions.map((r) => ({
			...base,
			action: r.action,
			owner: r.owner,
			due: r.dueDate,
			status: t(`as.rect.status.${r.status}`),
			overdue: isOverdue(r, day) ? Math.round((Date.parse(day) - Date.parse(r.dueDate)) / DAY_MS) : null
		}));
	});
	return {
		id: 'plan',
		title: t('report.ap.plan'),
		blocks: [
			{
				type: 'table',
				table: {
					id: 'plan',
					title: t('report.ap.planTable'),
					empty: t('as.rect.none'),
					columns: [
						{ key: 'target', label: t('report.ap.col.target') },
						{ key: 'subject', label: t('report.ap.col.subject') },
						{ key: 'action', label: t('as.rect.action') },
						{ key: 'owner', label: t('as.rect.owner') },
						{ key: 'due', label: t('as.rect.due'), kind: 'date' },
						{ key: 'status', label: t('as.rect.status') },
						{ key: 'overdue', label: t('report.mr.daysOverdue'), kind: 'count' }
					],
					rows
				}
			}
		]
	};
}

/** Metric-backed check items: the value from the data now, the threshold, the proposal and what the assessor decided. */
export function dataSection({ f, view, title }: PackContext, proposals: MetricProposal[]): ReportSection {
	const { t, locale } = f;
	const { state } = view.version;
	const rows = proposals.map((p) => {
		f.uses(p.metric.id);
		if (p.metric.params.per) f.uses(p.metric.params.per.metric);
		const kind = metricValueKind(p.metric);
		const decision = state.overrides[p.leafId];
		return {
			id: p.leafId,
			item: title(p.leafId),
			metric: `${p.metric.id} · ${p.metric.params.column}`,
			kind,
			value: p.value,
			threshold: `${p.metric.direction === 'min' ? '≥' : '≤'} ${formatValue(p.metric.threshold, kind, locale)}`,
			months: p.months,
			proposed: p.proposed
				? t(itemStatusKey(p.proposed))
				: p.error
					? t('as.proposal.error', { detail: p.error })
					: t('as.proposal.noData'),
			status: t(itemStatusKey(view.score.perItem[p.leafId]?.status ?? 'not-assessed')),
			decision: !decision
				? null
				: decision.decision === 'accepted'
					? t('as.proposal.accepted')
					: t('report.ap.overridden', { reason: decision.reason }),
			value_then: decision?.value ?? null
		};
	});
	return {
		id: 'data',
		title: t('report.ap.data'),
		blocks: [
			{
				type: 'paragraph',
				text: t('report.ap.dataNote', { from: view.assessment.periodFrom, to: view.assessment.periodTo })
			},
			{
				type: 'table',
				table: {
					id: 'data_backed',
					title: t('report.ap.dataTable'),
					empty: t('report.ap.noData'),
					columns: [
						{ key: 'id', label: t('report.ap.col.id') },
						{ key: 'item', label: t('report.ap.col.item') },
						{ key: 'metric', label: t('report.ap.col.metric') },
						{ key: 'value', label: t('report.ap.col.value'), kindFrom: 'kind' },
						{ key: 'threshold', label: t('report.ap.col.threshold') },
						{ key: 'months', label: t('report.ap.col.months'), kind: 'count' },
						{ key: 'proposed', label: t('report.ap.col.proposed') },
						{ key: 'status', label: t('report.ap.col.status') },
						{ key: 'decision', label: t('report.ap.col.decision') },
						{ key: 'value_then', label: t('report.ap.col.valueThen'), kindFrom: 'kind' }
					],
					rows
				}
			}
		]
	};
}

/** Special deductions with the rectification each requires and the actions recorded for it; the merit. */
export function deductionSection({ f, view }: PackContext): ReportSection {
	const { t } = f;
	const { deductions, merit } = view.version.state;
	const actions = (index: number) =>
		view.rectifications
			.filter((r) => r.source === 'deduction' && r.deductionIndex === index)
			.map((r) => `${r.action} (${r.owner}, ${r.dueDate}, ${t(`as.rect.status.${r.status}`)})`)
			.join('; ');
	return {
		id: 'deductions',
		title: t('report.ap.deductionsTitle'),
		blocks: [
			{
				type: 'table',
				table: {
					id: 'deductions',
					title: t('as.deductions'),
					empty: t('as.deductions.none'),
					columns: [
						{ key: 'number', label: t('report.ap.col.number'), kind: 'count' },
						{ key: 'reason', label: t('as.deduction.reason') },
						{ key: 'rectification', label: t('as.deduction.rectification') },
						{ key: 'actions', label: t('report.ap.col.actions') }
					],
					rows: deductions.map((d, i) => ({
						number: i + 1,
						reason: d.reason,
						rectification: d.rectification,
						actions: actions(i) || t('as.rect.missing')
					}))
				}
			},
			{
				type: 'facts',
				facts: [{ label: t('as.merit'), value: merit?.reason ?? t('as.merit.none') }]
			}
		]
	};
}
