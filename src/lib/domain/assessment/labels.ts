import type { ItemStatus, Level } from './scoring';

/** zh-CN / en names of the levels and item statuses (GLOSSARY.md), for the CLI, pages and reports. */
export const LEVEL_LABELS: Record<Level, { zh: string; en: string }> = {
	'five-star': { zh: '五星级', en: 'five-star' },
	'four-star': { zh: '四星级', en: 'four-star' },
	'three-star': { zh: '三星级', en: 'three-star' },
	compliant: { zh: '达标级', en: 'compliant' },
	'not-rated': { zh: '未评级', en: 'not rated' }
};

export const STATUS_LABELS: Record<ItemStatus | 'not-assessed', { zh: string; en: string }> = {
	conform: { zh: '符合', en: 'conforming' },
	nonconform: { zh: '不符合', en: 'non-conforming' },
	sampled: { zh: '抽样', en: 'sampled' },
	excluded: { zh: '删减', en: 'excluded' },
	'not-assessed': { zh: '未评', en: 'not assessed' }
};

/** Shown wherever a star level is: GB/T 27922 practice grants a star only a year after first reaching compliant. */
export const STAR_NOTE = {
	zh: '星级通常在首次达到达标级满一年后方可评定。',
	en: 'A star level is normally granted only a year after first reaching the compliant level.'
};
