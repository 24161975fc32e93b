import type { VersionView } from '$lib/domain/assessment/api';
import { leaves, type CatalogueItem } from '$lib/domain/assessment/catalogue';
import { itemStatusKey, levelKey, titleOf } from '$lib/domain/assessment/labels';
import { round9 } from '$lib/domain/assessment/scoring';
import type { Cell, ReportDocument, ReportSection } from '$lib/domain/reports/document';
import { getAssessment } from '../assessment/assessments';
import { NotFoundError } from '../assessment/errors';
import { proposalsFor } from '../assessment/metric-proposals';
import { versionView } from '../assessment/view';
import { ReportFigures, type ReportContext } from './builders';
import {
	dataSection,
	deductionSection,
	gapSection,
	planSection,
	type PackContext
} from './audit-pack-sections';
import { sampleSection } from './audit-sample';
import { ReportError } from './errors';
import { lineage } from './lineage';
import { nextDay } from './period';

/**
 * The GB/T 27922 audit pack: what a certification body's auditor reads before a surveillance audit.
 * It is made from the final version of a finalised assessment only, so every figure in it is the
 * locked result (score() of that version), never a draft that may still change.
 */

/** The assessment's final version, or the refusal the API and CLI answer with. */
async function finalView(ctx: ReportContext): Promise<VersionView> {
	const id = ctx.assessmentId;
	if (id === null) throw new ReportError(422, 'report.error.noAssessment', { id: '—' });
	const assessment = await getAssessment(ctx.db, id).catch((error: unknown) => {
		throw error instanceof NotFoundError ? new ReportError(404, 'report.error.noAssessment', { id }) : error;
	});
	if (assessment.finalVersion === null) throw new ReportError(422, 'report.error.noAssessment', { id });
	return versionView(ctx.db, id, assessment.finalVersion);
}

function coverSection({ f, view }: PackContext): ReportSection {
	const { t } = f;
	const { assessment, version, score } = view;
	const catalogue = version.catalogue;
	return {
		id: 'cover',
		title: t('report.ap.cover'),
		blocks: [
			{
				type: 'facts',
				facts: [
					{ label: t('report.ap.name'), value: assessment.name },
					{ label: t('report.ap.site'), value: assessment.site },
					{
						label: t('report.ap.period'),
						value: t('report.ap.periodValue', { from: assessment.periodFrom, to: assessment.periodTo })
					},
					{ label: t('report.ap.assessor'), value: assessment.assessor },
					{
						label: t('report.ap.catalogue'),
						value: [catalogue.title, catalogue.edition, `(${catalogue.id})`].filter(Boolean).join(' ')
					},
					{ label: t('report.ap.catalogueSha'), value: version.catalogueSha256 },
					{
						label: t('report.ap.version'),
						value: t('report.ap.versionValue', {
							version: version.version,
							at: version.finalisedAt ?? '',
							by: version.finalisedBy ?? ''
						})
					},
					{
						label: t('report.ap.earnedOf'),
						value: `${formatPoints(score.earned, f)} / ${formatPoints(score.applicable, f)}`
					},
					{ label: t('report.ap.base'), value: score.base, kind: 'decimal' },
					{ label: t('report.ap.deductions'), value: score.deductions, kind: 'count' },
					{ label: t('report.ap.merit'), value: score.merit, kind: 'count' },
					{ label: t('report.ap.score'), value: score.score, kind: 'decimal' },
					{ label: t('report.ap.level'), value: t(levelKey(score.level)) }
				]
			},
			{ type: 'paragraph', text: t('report.ap.scoring') },
			{ type: 'paragraph', text: t('as.starNote') }
		]
	};
}

const formatPoints = (value: number, f: ReportFigures) =>
	new Intl.NumberFormat(f.locale, { maximumFractionDigits: 2 }).format(value);

/** Every indicator down to the second level and every check item, in catalogue order, as score() gives them. */
function indicatorSection({ f, view, title }: PackContext): ReportSection {
	const { t } = f;
	const { version, score, evidence } = view;
	const leafIds = new Set(leaves(version.catalogue).map((l) => l.id));
	const indicators = new Map(score.perIndicator.map((i) => [i.id, i]));
	const files = new Map<string, number>();
	for (const e of evidence) files.set(e.leafId, (files.get(e.leafId) ?? 0) + 1);
	const rows = version.catalogue.items.flatMap((item): Record<string, Cell>[] => {
		const base = { id: item.id, item: title(item.id) };
		if (leafIds.has(item.id)) {
			const s = score.perItem[item.id];
			const given = version.state.items[item.id];
			return [
				{
					...base,
					points: s.points,
					applicable: s.applicable,
					earned: s.earned,
					attainment: s.applicable > 0 ? round9(s.earned / s.applicable) : null,
					status: t(itemStatusKey(s.status)),
					samples: given?.samples ?? null,
					conforming: given?.conforming ?? null,
					evidence: files.get(item.id) ?? 0
				}
			];
		}
		const sum = indicators.get(item.id);
		if (!sum) return [];
		const { points, applicable, earned, attainment } = sum;
		return [
			{
				...base,
				points,
				applicable,
				earned,
				attainment,
				status: null,
				samples: null,
				conforming: null,
				evidence: null
			}
		];
	});
	return {
		id: 'indicators',
		title: t('report.ap.indicators'),
		blocks: [
			{
				type: 'table',
				table: {
					id: 'indicators',
					title: t('report.ap.indicatorsTable', { version: version.version }),
					columns: [
						{ key: 'id', label: t('report.ap.col.id') },
						{ key: 'item', label: t('report.ap.col.item') },
						{ key: 'points', label: t('report.ap.col.points'), kind: 'decimal' },
						{ key: 'applicable', label: t('report.ap.col.applicable'), kind: 'decimal' },
						{ key: 'earned', label: t('report.ap.col.earned'), kind: 'decimal' },
						{ key: 'attainment', label: t('report.ap.col.attainment'), kind: 'share' },
						{ key: 'status', label: t('report.ap.col.status') },
						{ key: 'samples', label: t('report.ap.col.samples'), kind: 'count' },
						{ key: 'conforming', label: t('report.ap.col.conforming'), kind: 'count' },
						{ key: 'evidence', label: t('report.ap.col.evidence'), kind: 'count' }
					],
					rows
				}
			}
		]
	};
}

/** Excluded items with the note the assessor gave as their justification, and the evidence files. */
function exclusionEvidenceSection({ f, view, title }: PackContext): ReportSection {
	const { t } = f;
	const { state } = view.version;
	const excluded = leaves(view.version.catalogue).filter((l) => state.items[l.id]?.status === 'excluded');
	return {
		id: 'exclusions',
		title: t('report.ap.exclusionsEvidence'),
		blocks: [
			{
				type: 'table',
				table: {
					id: 'exclusions',
					title: t('report.ap.exclusions'),
					empty: t('report.ap.noExclusions'),
					columns: [
						{ key: 'id', label: t('report.ap.col.id') },
						{ key: 'item', label: t('report.ap.col.item') },
						{ key: 'points', label: t('report.ap.col.points'), kind: 'decimal' },
						{ key: 'justification', label: t('report.ap.col.justification') }
					],
					rows: excluded.map((leaf) => ({
						id: leaf.id,
						item: title(leaf.id),
						points: leaf.points ?? 0,
						justification: state.notes[leaf.id]?.trim() || t('report.ap.noJustification')
					}))
				}
			},
			{ type: 'paragraph', text: t('report.ap.evidenceNote') },
			{
				type: 'table',
				table: {
					id: 'evidence',
					title: t('report.ap.evidence'),
					empty: t('report.ap.noEvidence'),
					columns: [
						{ key: 'leaf', label: t('report.ap.col.id') },
						{ key: 'item', label: t('report.ap.col.item') },
						{ key: 'file_name', label: t('report.col.file') },
						{ key: 'sha256', label: t('report.col.sha256') },
						{ key: 'size_bytes', label: t('report.ap.col.size'), kind: 'count' },
						{ key: 'uploaded', label: t('report.ap.col.uploaded') }
					],
					rows: view.evidence.map((e) => ({
						leaf: e.leafId,
						item: title(e.leafId),
						file_name: e.fileName,
						sha256: e.sha256,
						size_bytes: e.sizeBytes,
						uploaded: t('report.ap.uploadedValue', { at: e.uploadedAt, by: e.uploadedBy, version: e.version })
					}))
				}
			}
		]
	};
}

/** The audit pack of the assessment the request names (its final version). */
export async function auditPack(ctx: ReportContext): Promise<ReportDocument> {
	const f = new ReportFigures(ctx);
	const { t } = f;
	const view = await finalView(ctx);
	const { assessment, version } = view;
	const byId = new Map<string, CatalogueItem>(version.catalogue.items.map((i) => [i.id, i]));
	const title = (id: string) => {
		const item = byId.get(id);
		return item ? titleOf(item, ctx.lang) : id;
	};
	const pack: PackContext = { f, view, title };
	const window = { from: assessment.periodFrom, to: assessment.periodTo };
	const proposals = await proposalsFor(ctx.db, assessment, version.catalogue);
	const sections: ReportSection[] = [
		coverSection(pack),
		indicatorSection(pack),
		exclusionEvidenceSection(pack),
		deductionSection(pack),
		gapSection(pack),
		planSection(pack),
		dataSection(pack, proposals),
		await sampleSection(pack, window)
	];
	const ignored = Object.entries(ctx.filters).filter(([, values]) => values.length);
	if (ignored.length)
		sections[0].blocks.push({
			type: 'paragraph',
			text: t('report.ap.filtersIgnored', {
				list: ignored.map(([name, values]) => `${name}=${values.join(',')}`).join('; ')
			})
		});
	return {
		id: ctx.id,
		kind: 'gbt27922',
		lang: ctx.lang,
		title: `${t('report.kind.gbt27922')} · ${assessment.name}`,
		// ASCII, because the period names the downloaded file (a Content-Disposition header value).
		period: `${window.from}..${window.to}`,
		filters: {},
		generatedAt: ctx.generatedAt,
		generatedBy: ctx.generatedBy,
		sections,
		definitions: await f.definitions(),
		lineage: await lineage(ctx.db, {
			kinds: ['repair', 'return', 'complaint', 'survey', 'sales'],
			from: window.from,
			until: nextDay(window.to)
		})
	};
}
