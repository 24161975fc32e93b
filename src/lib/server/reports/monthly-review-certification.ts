import { levelKey } from '$lib/domain/assessment/labels';
import type { ReportSection } from '$lib/domain/reports/document';
import { latestFinalAssessment } from '../assessment/view';
import { openRectifications } from '../assessment/rectifications';
import type { ReportFigures } from './builders';

/**
 * The monthly review's certification section: the star level of the latest final assessment and the
 * rectifications still open on the day the report is made. Read from the assessments, not the metric
 * registry: they are no monthly figures.
 */
export async function certificationSection(f: ReportFigures): Promise<ReportSection> {
	const { t, ctx } = f;
	const [star, open] = await Promise.all([
		latestFinalAssessment(ctx.db),
		openRectifications(ctx.db, ctx.generatedAt.slice(0, 10))
	]);
	return {
		id: 'certification',
		title: t('report.mr.certification'),
		blocks: [
			star
				? {
						type: 'facts',
						facts: [
							{
								label: t('report.mr.assessment'),
								value: `${star.assessment.name} · ${star.assessment.site}`
							},
							{ label: t('report.mr.finalisedAt'), value: star.version.finalisedAt },
							{ label: t('report.mr.score'), value: star.score.score, kind: 'decimal' },
							{ label: t('report.mr.level'), value: t(levelKey(star.score.level)) }
						]
					}
				: { type: 'paragraph', text: t('report.mr.noAssessment') },
			{
				type: 'table',
				table: {
					id: 'rectifications',
					title: t('report.mr.rectifications'),
					empty: t('report.mr.noRectifications'),
					columns: [
						{ key: 'assessment', label: t('report.mr.assessment') },
						{ key: 'action', label: t('report.mr.rectification') },
						{ key: 'owner', label: t('report.mr.owner') },
						{ key: 'status', label: t('report.mr.status') },
						{ key: 'due', label: t('report.mr.due'), kind: 'date' },
						{ key: 'overdue', label: t('report.mr.daysOverdue'), kind: 'count' }
					],
					rows: open.map((r) => ({
						assessment: r.assessmentName,
						action: r.action,
						owner: r.owner,
						status: t(`as.rect.status.${r.status}` as 'as.rect.status.open'),
						due: r.dueDate,
						overdue: r.daysOverdue > 0 ? r.daysOverdue : null
					}))
				}
			}
		]
	};
}
