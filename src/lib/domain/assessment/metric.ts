import { z } from 'zod';

/**
 * How a metric-backed check item reads a value from a metric (pure; browser and server).
 *
 * A catalogue leaf may carry `metric: { id, params, threshold, direction }`:
 * - `id`: a metric of the registry (e.g. `complaints.sla`, `repairs.turnaround`, `repairs.repeat`,
 *   `satisfaction.monthly`). The caller runs it over the assessment period (`from`/`to` of the
 *   assessment scope, no grouping) and gets its monthly rows.
 * - `params` (this file's `MetricParams`) says how those rows become ONE number:
 *   - `column`: the row column to read (e.g. `resolution_within_target_share`);
 *   - `aggregate`: `weighted_mean` (Σ value × weight ÷ Σ weight; needs `weight`, a count column such as
 *     `complaints` or `repairs`, so that a quiet month does not count as much as a busy one), `mean`,
 *     `min`, `max`, `sum` or `last` (the latest month with a value); default `weighted_mean` when
 *     `weight` is given, else `mean`;
 *   - `per` (optional, ratio metrics such as follow-up coverage): `{ metric, column }` — the value is
 *     Σ column ÷ Σ `per.column` over the rows of metric `per.metric` for the same period; `aggregate`
 *     must then be `sum` (or left out).
 *   Rows whose value (or weight) is null or not a number are skipped; no usable row gives null.
 * - `threshold` + `direction`: `min` means the value must be at least the threshold (shares, CSAT),
 *   `max` at most (repeat-repair rate). `proposeStatus` (gap.ts) turns the value into a proposed
 *   `conform` / `nonconform`; the assessor accepts or overrides it.
 */

const AGGREGATES = ['weighted_mean', 'mean', 'min', 'max', 'sum', 'last'] as const;
export type Aggregate = (typeof AGGREGATES)[number];

const name = z.string().trim().min(1);

export const metricParamsSchema = z
	.object({
		column: name,
		aggregate: z.enum(AGGREGATES).optional(),
		weight: name.optional(),
		per: z.object({ metric: name, column: name }).optional()
	})
	.superRefine((p, ctx) => {
		if (p.aggregate === 'weighted_mean' && !p.weight)
			ctx.addIssue({ code: 'custom', message: 'aggregate "weighted_mean" needs a "weight" column' });
		if (p.per && p.aggregate && p.aggregate !== 'sum')
			ctx.addIssue({ code: 'custom', message: '"per" (a ratio of two sums) needs aggregate "sum"' });
	});
export type MetricParams = z.infer<typeof metricParamsSchema>;

const DIRECTIONS = ['min', 'max'] as const;

export const itemMetricSchema = z.object({
	id: name,
	params: metricParamsSchema,
	threshold: z.number(),
	direction: z.enum(DIRECTIONS)
});
export type ItemMetric = z.infer<typeof itemMetricSchema>;

type Row = Record<string, unknown>;

const numeric = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

const sumOf = (rows: readonly Row[], column: string): number | null => {
	const values = rows.map((r) => numeric(r[column])).filter((v): v is number => v !== null);
	return values.length ? values.reduce((a, b) => a + b, 0) : null;
};

/** The aggregate a params object asks for, with the defaults applied. */
export function aggregateOf(params: MetricParams): Aggregate {
	return params.aggregate ?? (params.per ? 'sum' : params.weight ? 'weighted_mean' : 'mean');
}

/**
 * One number from a metric's rows as `params` describe (see above); `perRows` are the rows of
 * `params.per.metric` when `per` is given. Null when no row has a usable value (or the ratio's
 * denominator is 0 or missing).
 */
export function metricValue(
	rows: readonly Row[],
	params: MetricParams,
	perRows: readonly Row[] = []
): number | null {
	if (params.per) {
		const top = sumOf(rows, params.column);
		const bottom = sumOf(perRows, params.per.column);
		return top === null || bottom === null || bottom === 0 ? null : top / bottom;
	}
	const aggregate = aggregateOf(params);
	if (aggregate === 'weighted_mean') {
		let total = 0;
		let weights = 0;
		for (const r of rows) {
			const v = numeric(r[params.column]);
			const w = numeric(r[params.weight ?? '']);
			if (v === null || w === null || w <= 0) continue;
			total += v * w;
			weights += w;
		}
		return weights > 0 ? total / weights : null;
	}
	const values = rows.map((r) => numeric(r[params.column])).filter((v): v is number => v !== null);
	if (!values.length) return null;
	switch (aggregate) {
		case 'mean':
			return values.reduce((a, b) => a + b, 0) / values.length;
		case 'min':
			return Math.min(...values);
		case 'max':
			return Math.max(...values);
		case 'sum':
			return values.reduce((a, b) => a + b, 0);
		case 'last':
			return values[values.length - 1];
	}
}

/** Shares and rates are fractions shown as percentages; anything else (hours, a 1–5 mean) as a number. */
export function metricValueKind(metric: Pick<ItemMetric, 'params'>): 'share' | 'decimal' {
	return metric.params.per || /share|rate/.test(metric.params.column) ? 'share' : 'decimal';
}
