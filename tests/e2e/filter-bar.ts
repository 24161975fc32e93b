import type { Page } from 'playwright-core';

/** Waits until the filter bar answers clicks (the page has hydrated). */
export async function filterBarReady(page: Page): Promise<void> {
	await page.locator('[data-testid="filter-bar"][data-ready="true"]').waitFor({ timeout: 30_000 });
}

/**
 * Ticks `value` in the filter bar's multi-select `name` (typing it into the search first, as a user
 * would) and waits for the URL to carry it; the panel is closed again with Escape.
 */
export async function chooseFilterValue(page: Page, name: string, value: string): Promise<void> {
	await filterBarReady(page);
	const select = page.getByTestId(`filter-${name}`);
	if ((await select.getByTestId(`filter-${name}-toggle`).getAttribute('aria-expanded')) !== 'true')
		await select.getByTestId(`filter-${name}-toggle`).click();
	await select.getByTestId(`filter-${name}-search`).fill(value);
	await select.locator(`[data-testid="filter-option"][data-value="${value}"]`).check();
	await page.waitForURL((url) => url.searchParams.getAll(name).includes(value));
	await page.keyboard.press('Escape');
}
