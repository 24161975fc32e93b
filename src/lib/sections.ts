/** Sections that exist in the navigation but are not built yet; /[section] shows "coming soon" for them. */
export const COMING_SECTIONS = [
	'defects',
	'warranty',
	'cost',
	'returns',
	'complaints',
	'satisfaction',
	'assessment',
	'reports'
] as const;
export type ComingSection = (typeof COMING_SECTIONS)[number];
