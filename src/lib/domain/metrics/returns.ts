/** returns.monthly: one month of returns requested. */
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
};
