/** Sections that exist in the navigation but are not built yet; /[section] shows "coming soon" for them. */
export const COMING_SECTIONS = ['reports'] as const;
export type ComingSection = (typeof COMING_SECTIONS)[number];

/** The analytics sections, each with its own route under src/routes/(analytics)/. */
export const ANALYTICS_SECTIONS = [
	'defects',
	'warranty',
	'cost',
	'returns',
	'complaints',
	'satisfaction'
] as const;
export type AnalyticsSection = (typeof ANALYTICS_SECTIONS)[number];
