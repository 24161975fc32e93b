import { isScoped } from '$lib/domain/auth/scope';
import type { UserScope } from '$lib/domain/auth/user';
import type { MetricQuery } from '$lib/domain/metrics/query';
import type { MetricId, MetricRows } from '$lib/domain/metrics/rows';
import type {
	LineageRow,
	ReportColumn,
	ReportDefinition,
	ReportDocument,
	ReportKind,
	ReportSection
} from '$lib/domain/reports/document';
import { createT, intlLocale, type Locale, type Translate } from '$lib/i18n';
import type { Database } from '../db/connection';
import { infoMap, loadMetric } from '../metrics/blocks';
import { ReportError } from './errors';

/** What a report builder is given: the request, resolved, and who asked. */
export interface ReportContext {
	db: Database;
	id: string;
	lang: Locale;
	period: string | null;
	assessmentId: number | null;
	/** The audit pack's sample seed and size, when the request names them. */
	sampleSeed?: string;
	sampleSize?: number;
	filters: Record<string, string[]>;
	/** The scope of the user who asked: every figure is limited to it, the cover says it. */
	scope: UserScope;
	generatedAt: string;
	generatedBy: string;
}

/** The month column every per-month table starts with, headed alike in every report. */
export const monthColumn = (t: Translate): ReportColumn => ({ key: 'month', label: t('overview.month') });

/**
 * The figures of a report, read through the metric registry as the dashboards and the CLI read them,
 * with the metrics used remembered for the definitions appendix. A metric that fails stops the
 * report: a report with a silently missing figure would mislead the meeting it is printed for.
 */
export class ReportFigures {
	readonly t: Translate;
	readonly locale: string;
	private readonly used = new Set<string>();
	private readonly ignored = new Set<string>();

	constructor(readonly ctx: ReportContext) {
		this.t = createT(ctx.lang);
		this.locale = intlLocale(ctx.lang);
	}

	async rows<Id extends MetricId>(
		id: Id,
		query: Omit<MetricQuery, 'filters'>,
		by?: string
	): Promise<MetricRows[Id][]> {
		const infos = await infoMap();
		const block = await loadMetric(
			this.ctx.db,
			infos,
			id,
			{ ...query, filters: this.ctx.filters as MetricQuery['filters'], scope: this.ctx.scope },
			by
		);
		if (block.error !== null) throw new ReportError(500, 'report.error.metric', { id, error: block.error });
		this.used.add(id);
		for (const name of block.ignored) this.ignored.add(`${id}: ${name}`);
		return block.rows;
	}

	/** Marks a metric as used whose figures come from elsewhere (e.g. read by another metric). */
	uses(id: string): void {
		this.used.add(id);
	}

	/** Filters some metric could not apply: said in the report, never dropped silently. */
	ignoredFilters(): string[] {
		return [...this.ignored];
	}

	async definitions(): Promise<ReportDefinition[]> {
		const infos = await infoMap();
		const en = this.ctx.lang === 'en';
		return [...this.used]
			.filter((id) => infos[id])
			.sort()
			.map((id) => ({
				id,
				title: en ? infos[id].title.en : infos[id].title.zh,
				definition: en ? infos[id].definition.en : infos[id].definition.zh
			}));
	}

	/**
	 * The report around its sections: the request's id, language, filters, scope and author, the filters
	 * some metric ignored said at the end of the first section, and the definitions of the metrics
	 * used followed by `definitions` (rules of figures that are not registry metrics).
	 */
	async document(parts: {
		kind: ReportKind;
		period: string;
		sections: ReportSection[];
		lineage: LineageRow[];
		definitions?: ReportDefinition[];
	}): Promise<ReportDocument> {
		const { ctx, t } = this;
		const ignored = this.ignoredFilters();
		if (ignored.length)
			parts.sections[0].blocks.push({
				type: 'paragraph',
				text: t('report.ignoredFilters', { list: ignored.join('; ') })
			});
		return {
			id: ctx.id,
			kind: parts.kind,
			lang: ctx.lang,
			title: t(`report.kind.${parts.kind}`),
			period: parts.period,
			filters: ctx.filters,
			...(isScoped(ctx.scope) && { scope: ctx.scope }),
			generatedAt: ctx.generatedAt,
			generatedBy: ctx.generatedBy,
			sections: parts.sections,
			definitions: [...(await this.definitions()), ...(parts.definitions ?? [])],
			lineage: parts.lineage
		};
	}
}
