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

/** Columns of surveys satisfaction.breakdown may group by; the first is the default. */
export const SATISFACTION_BREAKDOWN_DIMENSIONS = ['channel', 'region', 'product_model'] as const;

/** satisfaction.breakdown: the responses of one key of the grouping dimension (null: no value). */
export type SatisfactionBreakdownRow = {
	key: string | null;
	/** Responses (survey records). */
	count: number;
	/** Of all responses in the window (the no-value group included). */
	share: number;
	csat_mean: number | null;
	satisfied_share: number | null;
	nps: number | null;
	csat_answered: number;
	nps_answered: number;
};

/** satisfaction.distribution: the answers of one score on one scale. */
export type SatisfactionDistributionRow = {
	scale: 'csat' | 'nps';
	score: number;
	count: number;
	/** Of the answers on the same scale in the window; null when nobody answered it. */
	share: number | null;
};
