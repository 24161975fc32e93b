/** cost.monthly: repair cost of one month received, with its sales denominators. */
export type CostMonthlyRow = {
	month: string;
	repairs: number;
	parts: number;
	labor: number;
	logistics: number;
	other: number;
	total: number;
	cost_per_repair: number | null;
	units_sold: number;
	cost_per_unit_sold: number | null;
	revenue: number | null;
	revenue_share: number | null;
	/** Cost of the repairs in warranty (server/metrics/sql.ts inWarrantySql): the warranty cost. */
	warranty_total: number;
	warranty_repairs: number;
	warranty_cost_per_unit_sold: number | null;
	out_of_warranty_total: number;
};

/** cost.drivers: the cost of one key of the grouping dimension (null: no value). */
export type CostDriverRow = {
	key: string | null;
	/** The defect code's dictionary names when grouped by defect_code (see domain/defect-codes). */
	name_zh: string | null;
	name_en: string | null;
	total: number;
	share: number | null;
	repairs: number;
};
