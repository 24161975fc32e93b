/** repairs.turnaround: one month of repairs received. */
export type TurnaroundRow = {
	month: string;
	repairs: number;
	median_hours: number | null;
	p90_hours: number | null;
	within_target_share: number | null;
};

/**
 * repairs.repeat: one month of repairs received and those repeated within 30 and 90 days; the N-day
 * figures are null until the month is mature for N days (mature_Nd).
 */
export type RepeatRow = {
	month: string;
	repairs: number;
	repeat_30d: number | null;
	repeat_rate_30d: number | null;
	repeat_90d: number | null;
	repeat_rate_90d: number | null;
	mature_30d: boolean;
	mature_90d: boolean;
};
