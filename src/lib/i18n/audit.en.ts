import type { auditZh } from './audit.zh-CN';

/** English audit log page messages; the type makes a missing key a compile error. */
export const auditEn: Record<keyof typeof auditZh, string> = {
	'audit.title': 'Audit log',
	'audit.intro':
		'Each entry holds the hash of the one before it; if any entry is changed or removed, verification names the first broken one.',
	'audit.chainOk':
		'Hash chain intact: {entries} entries verified ({unchained} written before the chain, not checked).',
	'audit.chainLast':
		'Newest entry {id}, SHA-256 {hash}: note it elsewhere; if that entry later differs or is gone, entries were cut from the end.',
	'audit.chainBroken': 'Hash chain broken at entry {id} ({reason}).',
	'audit.reason.hash': 'content does not match its hash',
	'audit.reason.link': 'does not follow the entry before it',
	'audit.reason.missing-hash': 'hash missing',
	'audit.actor': 'Actor',
	'audit.action': 'Action',
	'audit.from': 'From',
	'audit.to': 'To',
	'audit.text': 'Text',
	'audit.any': 'All',
	'audit.apply': 'Filter',
	'audit.reset': 'Clear',
	'audit.exportCsv': 'Export CSV',
	'audit.exportXlsx': 'Export XLSX',
	'audit.count': '{total} entries, page {page} of {pages}',
	'audit.newer': 'Newer',
	'audit.older': 'Older',
	'audit.empty': 'No entries match.',
	'audit.col.id': 'No.',
	'audit.col.at': 'Time',
	'audit.col.entity': 'Record',
	'audit.col.origin': 'From',
	'audit.col.detail': 'Detail'
};
