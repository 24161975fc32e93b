/**
 * Rows of the defects family (server/metrics/defects*.ts). Row types are `type` aliases, not
 * interfaces: an alias is assignable to MetricRow's index signature, an interface is not.
 */

/**
 * A month's repairs and units in warranty, the counts a p-chart divides. In defects.pchart and the
 * signals, `repairs` counts the repairs in warranty only (server/metrics/sql.ts inWarrantySql).
 */
export type RepairSeriesRow = {
	month: string;
	repairs: number;
	units_in_warranty: number;
};

/** The series behind defects.monthly and defects.pchart: `repairs` counts all repairs. */
export type DefectSeriesRow = RepairSeriesRow & {
	repairs_in_warranty: number;
	/** Of repairs_in_warranty: those with neither in_warranty nor sold_at. */
	repairs_warranty_unknown: number;
};

/** defects.monthly */
export type DefectsMonthlyRow = DefectSeriesRow & {
	/** Repairs in warranty per 1000 units in warranty; null without units in warranty. */
	rate_per_1000: number | null;
};

/** A Western Electric run rule, 1–4. */
export type WesternElectricRule = 1 | 2 | 3 | 4;

/** The chart the p-chart diagnostic picks: the classic binomial p-chart or Laney's p′ chart. */
export type PChartKind = 'p' | 'laney';

/**
 * defects.pchart: a month's proportion with its centre line and 3σ limits (null when not charted),
 * the Laney p′ limits and rules beside the classic ones, and the diagnostic of the whole chart
 * (the same on every row) that says which of the two to read.
 */
export type PChartRow = RepairSeriesRow & {
	p: number | null;
	center: number | null;
	ucl: number | null;
	lcl: number | null;
	rules: WesternElectricRule[];
	/** Laney p′: centre ± 3·σ_p·σ_z; null when not charted or without σ_z. */
	ucl_laney: number | null;
	lcl_laney: number | null;
	rules_laney: WesternElectricRule[];
	/** Mean moving range of the z-scores ÷ 1.128; null with fewer than two charted months. */
	sigma_z: number | null;
	/** Observed ÷ expected variation and its 95% upper limit; null with too few months to judge. */
	dispersion_ratio: number | null;
	dispersion_limit: number | null;
	/** 'laney' when the ratio is above its limit (overdispersion), else 'p'. */
	chart: PChartKind;
};

/** defects.pareto: repairs of one key of the grouping dimension (null: no value). */
export type ParetoRow = {
	key: string | null;
	/** The defect code's dictionary names when grouped by defect_code (see domain/defect-codes). */
	name_zh: string | null;
	name_en: string | null;
	count: number;
	share: number;
	cum_share: number;
};

/** defects.mis: one cell of the months-in-service triangle. */
export type MisRow = {
	cohort: string;
	mis: number;
	claims: number;
	units: number;
	cum_claims_per_1000: number | null;
};

/** What picking a chart reads of a row (the chart builder's rows may carry any rule numbers). */
type PickableRow<Rule extends number> = Pick<
	PChartRow,
	'ucl' | 'lcl' | 'ucl_laney' | 'lcl_laney' | 'chart'
> & {
	rules: readonly Rule[];
	rules_laney: readonly Rule[];
};

/** The limits and rule hits of a month on the chart the diagnostic picks (row.chart). */
export function pickedChart<Rule extends number>(
	row: PickableRow<Rule>
): { ucl: number | null; lcl: number | null; rules: readonly Rule[] } {
	return row.chart === 'laney'
		? { ucl: row.ucl_laney, lcl: row.lcl_laney, rules: row.rules_laney }
		: { ucl: row.ucl, lcl: row.lcl, rules: row.rules };
}
