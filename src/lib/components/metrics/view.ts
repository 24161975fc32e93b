/**
 * The wiring every analytics page shares: what its load returns, whether the view is filtered, the
 * page context its metric cards read, and the page's translations, Intl locale and metric parameters.
 */
import type { EChartsOption } from 'echarts';
import { getContext, setContext } from 'svelte';
import type { Row } from '$lib/charts/common';
import { shareBarsOption } from '$lib/charts/share-bars';
import { fieldLabel, intlLocale } from '$lib/i18n';
import { useI18n } from '$lib/i18n/context';
import type { FilterOptions } from '$lib/domain/metrics/filter-options';
import type { Coverage } from '$lib/domain/metrics/coverage';
import type { FilterName, MetricInfo, MetricQuery } from '$lib/domain/metrics/query';

/** One metric's result as a page load hands it over (MetricBlock in metrics.server.ts). */
export interface Block {
	id: string;
	rows: unknown[];
	error: string | null;
	ignored: FilterName[];
}

/** What every analytics page load returns besides its blocks. */
export interface AnalyticsData {
	infos: Record<string, MetricInfo>;
	query: MetricQuery;
	filters: FilterName[];
	options: FilterOptions;
	/** Records per kind (empty and partial states); absent on pages that do not count them. */
	coverage?: Coverage;
}

/** A period or a filter is set (so an empty result may be theirs). */
export function isFiltered(query: MetricQuery): boolean {
	return Boolean(query.from || query.to || Object.keys(query.filters).length);
}

/** Nothing at all to show: every metric ran and returned no rows. */
export function nothingToShow(blocks: readonly Block[]): boolean {
	return blocks.every((b) => !b.error && b.rows.length === 0);
}

/** A share column and its legend. */
interface SlaShare {
	key: string;
	label: string;
}

/** What AnalyticsPage tells its metric cards. */
interface PageContext {
	readonly infos: Record<string, MetricInfo>;
	readonly query: MetricQuery;
	readonly filtered: boolean;
	readonly coverage?: Coverage;
}

const KEY = Symbol('analytics-page');

export function setPageContext(context: PageContext): void {
	setContext(KEY, context);
}

export function pageContext(): PageContext {
	return getContext<PageContext | undefined>(KEY) ?? { infos: {}, query: { filters: {} }, filtered: false };
}

/**
 * The page's translations and formats: `const view = analyticsView(() => data.infos, 'returns.monthly')`
 * in a page's script, then `view.t(…)`, `view.loc`, `view.param(…)` (reactive: each read follows the
 * locale and the data). `metric` is the one whose parameters `param` reads.
 */
export function analyticsView(infos: () => Record<string, MetricInfo> = () => ({}), metric = '') {
	const i18n = useI18n();
	const field = (name: string) => fieldLabel(i18n.locale, 'repair', name);
	return {
		t: i18n.t,
		/** The BCP 47 tag for numbers and charts. */
		get loc() {
			return intlLocale(i18n.locale);
		},
		field,
		/** A numeric parameter of the metric (else the signals' one of that name, else the fallback). */
		param(name: string, fallback: number): number {
			const v = infos()[metric]?.params[name] ?? infos()['signals']?.params[name];
			return typeof v === 'number' ? v : fallback;
		},
		/**
		 * Two within-target shares by month, the first stage and the second (in green), against the SLA's
		 * minimum share (complaints, returns).
		 */
		slaShares(rows: Row[], first: SlaShare, second: SlaShare): EChartsOption {
			return shareBarsOption({
				rows,
				series: [first, { ...second, color: '#2e9d6b' }],
				target: { value: this.param('sla_min_share', 0.9), label: i18n.t('complaints.target') },
				locale: this.loc
			});
		},
		/** The dimensions a metric can be grouped by, as options of a select. */
		dimensions(metric: string): { value: string; label: string }[] {
			return (infos()[metric]?.dimensions ?? []).map((d) => ({ value: d, label: field(d) }));
		}
	};
}
