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

/** Columns of complaints complaints.breakdown may group by; the first is the default. */
export const COMPLAINT_BREAKDOWN_DIMENSIONS = [
	'category',
	'channel',
	'severity',
	'supplier',
	'product_model',
	'region'
] as const;

/** complaints.breakdown: complaints of one key of the grouping dimension (null: no value). */
export type ComplaintBreakdownRow = {
	key: string | null;
	count: number;
	/** Of all complaints in the window (the no-value group included). */
	share: number;
};

/** The age buckets of complaints.backlog, oldest first (upper edges inclusive: exactly 4 h is 0–4 h). */
export const BACKLOG_BUCKETS = ['>7d', '2-7d', '4-48h', '0-4h'] as const;
export type BacklogBucket = (typeof BACKLOG_BUCKETS)[number];

/** complaints.backlog: the complaints open at the as-of moment whose age falls in one bucket. */
export type ComplaintBacklogRow = {
	bucket: BacklogBucket;
	complaints: number;
	/** Of all complaints open at the as-of moment; null when none is open. */
	share: number | null;
	/** "YYYY-MM-DD HH:MM:SS" of the bucket's oldest complaint; null for an empty bucket. */
	oldest_received_at: string | null;
	/** "YYYY-MM-DD HH:MM:SS": the moment open and age are measured at (the same on every row). */
	as_of: string | null;
};

/** A complaint that missed the resolution target (server/metrics/complaints-late.ts). */
export type LateComplaintRow = {
	complaint_id: string;
	received_at: string;
	/** Null: still unresolved, its deadline passed by the complaints' as-of time. */
	resolved_at: string | null;
	/** Hours from received to resolved; null when unresolved. */
	hours: number | null;
	category: string | null;
	channel: string | null;
	severity: string | null;
	product_model: string | null;
	supplier: string | null;
	region: string | null;
};
