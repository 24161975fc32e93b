/** satisfaction.monthly: one month of survey responses. */
export type SatisfactionMonthlyRow = {
	month: string;
	responses: number;
	csat_mean: number | null;
	satisfied_share: number | null;
	nps: number | null;
	csat_answered: number;
	nps_answered: number;
};
