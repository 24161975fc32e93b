import type { recordsZh } from './records.zh-CN';

/** English messages of the records table, drill-down panel and records view. */
export const recordsEn: Record<keyof typeof recordsZh, string> = {
	'rec.count': '{count} records',
	'rec.columns': 'Columns',
	'rec.exportCsv': 'Export CSV',
	'rec.exportXlsx': 'Export XLSX',
	'rec.view': 'View records',
	'rec.title': 'Records',
	'rec.subtitle':
		'Browse the imported records by period and filters; sort, choose columns and export the whole selection.',
	'rec.tables': 'Tables',
	'rec.defectName': 'Defect name',
	'rec.figure': 'Figure',
	'rec.figureMatches': 'the record count matches the figure',
	'rec.figureDiffers': 'the record count differs from the figure',
	'drill.note.count': 'These are the records the figure counts.',
	'drill.note.rate':
		'A rate: these are the records of its numerator; the denominator is units sold, not records.',
	'drill.note.share':
		'A share: met ÷ (met + missed); records without an outcome yet (not done and not yet due) are in neither. List the met or the missed records.',
	'drill.share.onTime': 'On time {met} of {total} = {share}',
	'drill.share.satisfied': 'Satisfied (4–5) {met} of {total} = {share}',
	'drill.list': 'List',
	'drill.list.onTime.met': 'the {count} on time',
	'drill.list.onTime.missed': 'the {count} late',
	'drill.list.satisfied.met': 'the {count} satisfied',
	'drill.list.satisfied.missed': 'the {count} not satisfied (1–3)',
	'drill.note.amount': 'An amount: the costs of these repairs add up to the figure.',
	'drill.note.perUnit': 'Cost per unit: these are the repairs whose costs it divides by units sold.',
	'drill.note.mean':
		'A mean or NPS of survey answers: these are all the responses of the month it is computed from.',
	'drill.note.hours':
		'A duration: these are the repairs received in the month; it is computed from their completion times.',
	'drill.note.limit': 'A control limit: these are the repairs of the month counted in the rate.',
	'drill.note.weibull':
		'A Weibull fit: these are the in-warranty failures of the model it was fitted to (units still in service are censored, not listed).',
	'drill.note.backlog': 'A backlog: the complaints still open at the end of the period, in this age bucket.',
	'drill.note.kpi': 'These are the records of the month this figure is computed from.'
};
