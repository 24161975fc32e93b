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

/** defects.pchart: a month's proportion with its centre line and 3σ limits (null when not charted). */
export type PChartRow = RepairSeriesRow & {
	p: number | null;
	center: number | null;
	ucl: number | null;
	lcl: number | null;
	rules: WesternElectricRule[];
};

/** defects.pareto: repairs of one key of the grouping dimension (null: no value). */
export type ParetoRow = {
	key: string | null;
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
