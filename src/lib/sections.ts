/** Sections that exist in the navigation but are not built yet; /[section] shows "coming soon" for them. */
export const COMING_SECTIONS = ['reports'] as const;
export type ComingSection = (typeof COMING_SECTIONS)[number];
