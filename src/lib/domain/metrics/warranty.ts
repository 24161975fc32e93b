/** warranty.weibull: the life model of one product model (server/metrics/warranty.ts says how). */
export type WeibullRow = {
	product_model: string;
	failures: number;
	suspensions: number;
	units_sold: number;
	excluded_failures: number;
	end_date: string;
	/** Shape, scale and B10 life of the full fit; null without a fit. */
	beta: number | null;
	eta_days: number | null;
	b10_days: number | null;
	/** Expected first failures among the running units in the next 3/6/12 months. */
	forecast_3m: number | null;
	forecast_6m: number | null;
	forecast_12m: number | null;
	log_likelihood: number | null;
	converged: boolean;
	warranty_months: number;
	failures_in_warranty: number;
	beta_in_warranty: number | null;
	eta_in_warranty_days: number | null;
	/** Why there is no fit, or what the fit left out. */
	note: string | null;
};
