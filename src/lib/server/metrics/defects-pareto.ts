import type { ParetoRow } from '$lib/domain/metrics/defects';
import { defectNamesSql } from '../catalogue/defect-codes';
import type { MetricContext } from './definition';
import { REPAIR_FILTERS } from './defects-sql';
import { repairSource } from './repair-rollups';
import { Params } from './sql';

/** Columns of repairs a Pareto may group by; the first is the default. */
export const PARETO_DIMENSIONS = [
	'defect_code',
	'defect_category',
	'product_model',
	'region',
	'category',
	'supplier',
	'service_center',
	'symptom'
] as const;

export const PARETO_FILTERS = REPAIR_FILTERS;

/**
 * Repairs counted by one dimension: key, count, share, cum_share, by count descending then key.
 * Repairs with no value for the dimension stay one group with key null, placed last whatever its
 * count: it is not a cause one can act on, yet it stays in the denominator so the shares are of
 * all repairs and cum_share reaches 1 on the last row. By defect code, each row carries the code's
 * names from the dictionary (null when it has none; always null for other dimensions).
 */
export async function pareto({ db, query, params }: MetricContext): Promise<ParetoRow[]> {
	// query.by was checked against PARETO_DIMENSIONS by the registry; the includes() keeps this
	// function safe on its own too, since the name becomes an identifier in the SQL.
	const by = query.by ?? PARETO_DIMENSIONS[0];
	if (!(PARETO_DIMENSIONS as readonly string[]).includes(by))
		throw new Error(`defects.pareto: bad dimension ${by}`);
	const p = new Params();
	const repairs = repairSource(p, db, query, params, { filters: PARETO_FILTERS, by: [by] });
	const names = defectNamesSql(by === 'defect_code', 'g.key');
	const rows = await db.query(
		`SELECT g.key, g.count, ${names.columns} FROM (
			SELECT r.${by} AS key, ${repairs.count()} AS count FROM ${repairs.from} WHERE ${repairs.where} GROUP BY 1) g ${names.join}
		 ORDER BY g.key IS NULL, g.count DESC, g.key`,
		p.values
	);
	const total = rows.reduce((sum, r) => sum + Number(r.count), 0);
	let cumulative = 0;
	return rows.map((r) => {
		const count = Number(r.count);
		cumulative += count;
		// From the running count, not summed shares, so the last cum_share is exactly 1.
		return {
			key: r.key === null ? null : String(r.key),
			name_zh: r.name_zh === null ? null : String(r.name_zh),
			name_en: r.name_en === null ? null : String(r.name_en),
			count,
			share: count / total,
			cum_share: cumulative / total
		};
	});
}
