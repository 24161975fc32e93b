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
