/** complaints.sla: one month of complaints received; shares over the complaints whose outcome is known. */
export type ComplaintsSlaRow = {
	month: string;
	complaints: number;
	response_within_target_share: number | null;
	resolution_within_target_share: number | null;
	open: number;
	/** Complaints not yet in the resolution share: unresolved, deadline not passed by the as-of time. */
	pending: number;
	/** Complaints not yet in the response share: no response, deadline not passed by the as-of time. */
	response_pending: number;
};

/** The supplier escalation levels, in their order within a month, supplier and issue. */
export const ESCALATION_LEVELS = [
	'verbal-warning',
	'final-warning',
	'exit-review',
	'complaint-fund',
	'commendation'
] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

/** complaints.escalations: one level a supplier reached. */
export type EscalationRow = {
	supplier: string;
	/** "YYYY-MM"; null for a commendation (a whole year). */
	month: string | null;
	year: number;
	/** The complaint category; null for the complaint fund and commendations. */
	issue: string | null;
	complaints: number;
	level: EscalationLevel;
};
