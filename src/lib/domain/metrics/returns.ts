/** returns.monthly: one month of returns requested; shares over the returns whose outcome is known. */
export type ReturnsMonthlyRow = {
	month: string;
	returns: number;
	/** Null with a supplier filter: sales have no supplier. */
	units_sold: number | null;
	return_rate: number | null;
	exchanges: number;
	refunds: number;
	counter_within_target_share: number | null;
	inspection_within_target_share: number | null;
	inspection_within_target_share_excl_refunds: number | null;
	/** Returns not yet in the inspection shares: no inspection, deadline not passed by the as-of time. */
	pending: number;
	/** Returns not yet in the counter share: no counter time, deadline not passed by the as-of time. */
	counter_pending: number;
};

/** Columns of returns returns.breakdown may group by; the first is the default. */
export const RETURN_BREAKDOWN_DIMENSIONS = [
	'reason',
	'return_type',
	'channel',
	'region',
	'supplier',
	'product_model'
] as const;

/** returns.breakdown: returns of one key of the grouping dimension (null: no value). */
export type ReturnBreakdownRow = {
	key: string | null;
	count: number;
	/** Of all returns in the window (the no-value group included). */
	share: number;
	/** Sum of the returns' quantity; null when none of them has one. */
	quantity: number | null;
	/** Sum of the returns' amount; null when none of them has one. */
	amount: number | null;
};
