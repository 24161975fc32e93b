import type { Assessment, MetricProposal } from '$lib/domain/assessment/api';
import { leaves, type Catalogue } from '$lib/domain/assessment/catalogue';
import { proposeStatus } from '$lib/domain/assessment/gap';
import { metricValue, type ItemMetric } from '$lib/domain/assessment/metric';
import type { MetricRow } from '$lib/domain/metrics/query';
import type { Database } from '../db/connection';
import { runMetric } from '../metrics/registry';
import { getAssessment } from './assessments';
import { getVersion } from './versions';

/**
 * Statuses proposed from the imported data for metric-backed check items: the leaf's metric runs
 * through the registry over the assessment period (the same numbers the analytics pages show), its
 * monthly rows become one value as the catalogue's params say (metric.ts), and `proposeStatus`
 * compares it with the threshold. The assessor accepts or overrides each proposal; nothing here
 * changes the saved state.
 */

export interface Period {
	from: string;
	to: string;
}

/** One proposal per metric-backed leaf, in catalogue order. Each metric runs once however many leaves use it. */
export async function metricProposals(
	db: Database,
	catalogue: Catalogue,
	period: Period
): Promise<MetricProposal[]> {
	const cache = new Map<string, Promise<MetricRow[]>>();
	const rowsOf = (id: string) => {
		let rows = cache.get(id);
		if (!rows) {
			rows = runMetric(db, id, { from: period.from, to: period.to, filters: {} }).then((r) => r.rows);
			cache.set(id, rows);
		}
		return rows;
	};
	const backed = leaves(catalogue).filter((leaf) => leaf.metric);
	return Promise.all(
		backed.map(async (leaf): Promise<MetricProposal> => {
			const metric = leaf.metric as ItemMetric;
			try {
				const rows = await rowsOf(metric.id);
				const perRows = metric.params.per ? await rowsOf(metric.params.per.metric) : [];
				const column = metric.params.column;
				if (rows.length && !rows.some((r) => column in r))
					throw new Error(`metric ${metric.id} has no column "${column}"`);
				const value = metricValue(rows, metric.params, perRows);
				return {
					leafId: leaf.id,
					metric,
					value,
					months: rows.filter((r) => typeof r[column] === 'number').length,
					proposed: proposeStatus(value, metric),
					error: null
				};
			} catch (error) {
				return {
					leafId: leaf.id,
					metric,
					value: null,
					months: 0,
					proposed: null,
					error: error instanceof Error ? error.message : String(error)
				};
			}
		})
	);
}

/** The proposals for a version's catalogue over its assessment's period. */
export function proposalsFor(
	db: Database,
	assessment: Assessment,
	catalogue: Catalogue
): Promise<MetricProposal[]> {
	return metricProposals(db, catalogue, { from: assessment.periodFrom, to: assessment.periodTo });
}

/** GET …/versions/N/proposals: the proposals of one stored version. */
export async function versionProposals(
	db: Database,
	assessmentId: number,
	version: number
): Promise<MetricProposal[]> {
	const assessment = await getAssessment(db, assessmentId);
	return proposalsFor(db, assessment, (await getVersion(db, assessmentId, version)).catalogue);
}
