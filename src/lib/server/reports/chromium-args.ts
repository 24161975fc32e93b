/**
 * Flags for a headless Chromium that talks to nothing but the page it prints (the machines this runs
 * on have no network beyond the package mirrors). Shared by the PDF printer and the e2e tests.
 */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];
