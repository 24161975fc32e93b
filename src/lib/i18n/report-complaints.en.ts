import type { reportComplaintsZh } from './report-complaints.zh-CN';

/** English messages of the monthly complaint analysis; the type makes a missing key a compile error. */
export const reportComplaintsEn: Record<keyof typeof reportComplaintsZh, string> = {
	'report.ca.summary': '{month} at a glance',
	'report.ca.received': 'Complaints received',
	'report.ca.response': 'Response ≤ {hours} h',
	'report.ca.resolution': 'Resolution ≤ {hours} h',
	'report.ca.pending': 'Resolution pending (deadline not passed)',
	'report.ca.openAtEnd': 'Open at {asOf}',
	'report.ca.lateCount': 'Resolved late or overdue',
	'report.ca.escalationCount': 'Supplier escalations triggered',
	'report.ca.sla': 'Complaint handling timeliness (13 months, target {target}%)',
	'report.ca.breakdowns': 'What the complaints are about',
	'report.ca.by.category': '{month} by category',
	'report.ca.by.channel': '{month} by channel',
	'report.ca.by.product_model': '{month} by product model',
	'report.ca.by.supplier': '{month} by supplier',
	'report.ca.col.category': 'Category',
	'report.ca.col.channel': 'Channel',
	'report.ca.col.product_model': 'Product model',
	'report.ca.col.supplier': 'Supplier',
	'report.ca.share': 'Share',
	'report.ca.noValue': '(not given)',
	'report.ca.backlog': 'Open complaints by age',
	'report.ca.backlogAsOf':
		'Complaints still open at {asOf} (the end of the month or the complaints’ as-of time, whichever is earlier), including those received before the month.',
	'report.ca.bucket': 'Age',
	'report.ca.bucket.>7d': 'Over 7 days',
	'report.ca.bucket.2-7d': '2–7 days',
	'report.ca.bucket.4-48h': '4–48 hours',
	'report.ca.bucket.0-4h': '0–4 hours',
	'report.ca.oldest': 'Oldest received',
	'report.ca.escalations': 'Supplier escalations',
	'report.ca.escalationsWindow':
		'Escalations triggered in {month}; the complaint fund counts complaints from 1 January {year}; commendations appear in the December report.',
	'report.ca.late': '{month} complaints resolved late (over {hours} h)',
	'report.ca.noLate': 'No complaint of the month was resolved late.',
	'report.ca.col.id': 'Complaint ID',
	'report.ca.col.received': 'Received',
	'report.ca.col.resolved': 'Resolved',
	'report.ca.col.hours': 'Hours taken',
	'report.ca.unresolved': 'unresolved',
	'report.ca.lateTitle': 'Complaints resolved late (list)',
	'report.ca.lateDefinition':
		'Complaints received in the report month that complaints.sla counts as not resolved within target: resolved − received > {hours} h, or no resolved time with the {hours} h deadline passed by the complaints’ as-of time (the latest received time). Hours taken = resolved − received (empty when unresolved). By received time; their number = the month’s complaints with a known outcome − those resolved within target.'
} as const;
