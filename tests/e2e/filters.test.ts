import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseFilterValue, filterBarReady } from './filter-bar';
import { openSession, type RunningApp, type Session } from './harness';

let app: RunningApp;
let page: Page;
let close: Session['close'] | undefined;

beforeAll(async () => {
	({ app, page, close } = await openSession({ demo: true, viewport: { width: 1400, height: 1000 } }));
});
afterAll(() => close?.());

/** The value of the overview's repairs KPI card. */
async function repairsKpi(): Promise<number> {
	const value = await page.getByTestId('kpi-repairs').locator('[data-value]').getAttribute('data-value');
	return Number(value);
}

async function settled(): Promise<void> {
	await page.waitForLoadState('networkidle');
}

/** The values offered by a multi-select, most records first, with their counts. */
async function offered(name: string): Promise<{ value: string; count: number }[]> {
	await filterBarReady(page);
	const select = page.getByTestId(`filter-${name}`);
	await select.getByTestId(`filter-${name}-toggle`).click();
	const options = select.getByTestId('filter-option');
	await options.first().waitFor();
	const values = await options.evaluateAll((boxes) =>
		boxes.map((box) => ({
			value: box.getAttribute('data-value') ?? '',
			count: Number(box.closest('label')?.querySelector('.count')?.textContent?.replace(/\D/g, ''))
		}))
	);
	await page.keyboard.press('Escape');
	return values;
}

describe('the filter bar on the sample data', () => {
	let models: string[] = [];

	it('offers the models in the data with counts and narrows the KPIs to the models ticked', async () => {
		await page.goto(app.url);
		await page.getByTestId('kpis').waitFor();
		const all = await repairsKpi();
		const choices = await offered('model');
		expect(choices.length).toBeGreaterThan(2);
		expect(choices.every((c) => c.count > 0)).toBe(true);
		models = choices.slice(0, 2).map((c) => c.value);

		await chooseFilterValue(page, 'model', models[0]);
		await settled();
		const first = await repairsKpi();
		expect(first).toBeGreaterThan(0);
		expect(first).toBeLessThan(all);
		expect(await page.getByTestId('filter-model').getAttribute('data-selected')).toBe(models[0]);

		await page.goto(`${app.url}/?model=${encodeURIComponent(models[1])}`);
		const second = await repairsKpi();

		// Both ticked: the key repeats in the URL and the figure is the two models' sum.
		await page.goto(`${app.url}/?model=${encodeURIComponent(models[0])}`);
		await chooseFilterValue(page, 'model', models[1]);
		await settled();
		expect(new URL(page.url()).searchParams.getAll('model')).toEqual(models);
		expect(await repairsKpi()).toBe(first + second);
	});

	it('narrows the other filters to the models chosen', async () => {
		const regions = await offered('region');
		await page.goto(app.url);
		const unfiltered = await offered('region');
		const sum = (list: { count: number }[]) => list.reduce((s, r) => s + r.count, 0);
		expect(sum(regions)).toBeLessThan(sum(unfiltered));
	});

	it('keeps the filters across sections, in the URL and in the filter bar', async () => {
		await page.goto(
			`${app.url}/?model=${encodeURIComponent(models[0])}&region=${encodeURIComponent('华东')}`
		);
		await filterBarReady(page);
		await page.getByTestId('nav-defects').click();
		await page.waitForURL(/\/defects/);
		const url = new URL(page.url());
		expect(url.searchParams.getAll('model')).toEqual([models[0]]);
		expect(url.searchParams.getAll('region')).toEqual(['华东']);
		expect(await page.getByTestId('filter-model').getAttribute('data-selected')).toBe(models[0]);
		expect(await page.getByTestId('filter-region').getAttribute('data-selected')).toBe('华东');

		await page.getByTestId('nav-returns').click();
		await page.waitForURL(/\/returns/);
		expect(new URL(page.url()).searchParams.getAll('model')).toEqual([models[0]]);
	});

	it("links a KPI card to its section with the card's 12 months and the filters", async () => {
		await page.goto(`${app.url}/?model=${encodeURIComponent(models[0])}`);
		const card = page.getByTestId('kpi-repairs');
		await card.waitFor();
		await filterBarReady(page);
		await page.getByTestId('kpi-repairs-link').click();
		await page.waitForURL(/\/defects/);
		const url = new URL(page.url());
		expect(url.searchParams.getAll('model')).toEqual([models[0]]);
		expect(url.searchParams.get('from')).toMatch(/^\d{4}-\d{2}-01$/);
		expect(url.searchParams.get('to')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	});

	it('redraws every chart of a section with the filter ticked', async () => {
		await page.goto(`${app.url}/defects`);
		const charts = page.locator('.chart');
		await page.waitForFunction(() => {
			const all = [...document.querySelectorAll<HTMLElement>('.chart')];
			return all.length > 0 && all.every((c) => c.dataset.ready === 'true');
		});
		const before = await charts.evaluateAll((all) =>
			all.map((c) => [c.dataset.testid, Number((c as HTMLElement).dataset.draws)] as const)
		);
		expect(before.length).toBeGreaterThan(3);
		await chooseFilterValue(page, 'model', models[0]);
		// Each chart drew another option (data-draws grew) and finished it: not the drawing of before.
		await page.waitForFunction((drawn) => {
			const now = new Map(
				[...document.querySelectorAll<HTMLElement>('.chart')].map((c) => [c.dataset.testid, c])
			);
			return drawn.every(([id, n]) => {
				const chart = now.get(id);
				return !chart || (Number(chart.dataset.draws) > n && chart.dataset.ready === 'true');
			});
		}, before);
		expect(await page.locator('.chart[data-ready="false"]').count()).toBe(0);
	});

	it('sets from and to with a period preset', async () => {
		await page.goto(`${app.url}/defects`);
		await filterBarReady(page);
		await page.getByTestId('filter-period').selectOption('lastYear');
		await page.waitForURL((url) => url.searchParams.has('from'));
		const url = new URL(page.url());
		const from = url.searchParams.get('from')!;
		expect(from).toMatch(/^\d{4}-01-01$/);
		expect(url.searchParams.get('to')).toBe(`${from.slice(0, 4)}-12-31`);

		await page.getByTestId('filter-period').selectOption('last12');
		await page.waitForURL((u) => u.searchParams.get('from') !== from);
		const twelve = new URL(page.url());
		const [fy, fm] = twelve.searchParams.get('from')!.split('-').map(Number);
		const [ty, tm, td] = twelve.searchParams.get('to')!.split('-').map(Number);
		expect((ty - fy) * 12 + tm - fm).toBe(11);
		expect(new Date(Date.UTC(ty, tm - 1, td + 1)).getUTCDate()).toBe(1);
		expect(await page.getByTestId('filter-period').inputValue()).toBe('last12');
	});

	it('says that the filters exclude everything and clears them, instead of asking for an import', async () => {
		await page.goto(`${app.url}/returns?model=NO-SUCH-MODEL`);
		const empty = page.getByTestId('empty-state');
		await empty.waitFor();
		await filterBarReady(page);
		expect(await empty.getAttribute('data-filtered')).toBe('true');
		// The unknown value is listed with 0 records so it can be unticked.
		await page.getByTestId('filter-model-toggle').click();
		const stale = page.locator('[data-testid="filter-option"][data-value="NO-SUCH-MODEL"]');
		expect(await stale.isChecked()).toBe(true);
		await page.keyboard.press('Escape');
		await page.getByTestId('empty-clear').click();
		await page.waitForURL((url) => !url.searchParams.has('model'));
		await page.getByTestId('filter-bar').waitFor();
		expect(await page.getByTestId('empty-state').count()).toBe(0);
	});
});
