import type { scopeZh } from './scope.zh-CN';

/** Per-user scope messages, English. */
export const scopeEn: Record<keyof typeof scopeZh, string> = {
	'scope.unscopable':
		'{what} cannot be limited by {dimension}, and your account may see only some regions or models; refused rather than shown beyond your scope. Ask an administrator.',
	'scope.auditPack':
		'The GB/T 27922 audit pack covers the whole company (the assessment, sampled records and all data lineage) and cannot be limited by region or model; your account sees only part of the data, so it cannot generate this report.',
	'scope.rejectedRows':
		'Rejected rows are the raw text of an imported file and cannot be limited by region or model; your account sees only part of the data, so it cannot download them.',
	'scope.label': 'Scope',
	'scope.whole': 'whole company',
	'scope.regions': 'Regions: {list}',
	'scope.models': 'Models: {list}'
};
