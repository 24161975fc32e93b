import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseFilterValue } from './filter-bar';
import { chartReady, openSession, type RunningApp, type Session } from './harness';

let app: RunningApp;
let page: Page;
let close: Session['close'] | undefined;

beforeAll(async () => {
	({ app, page, close } = await openSession({ demo: true, viewport: { width: 1400, height: 1000 } }));
});
afterAll(() => close?.());

describe('analytics pages on the sample data', () => {
	it('shows the KPI cards and the signals on the overview', async () => {
		await page.goto(app.url);
		await page.getByTestId('kpis').waitFor();
		expect(await page.getByTestId('kpi-repairs').isVisible()).toBe(true);
		const value = await page.getByTestId('kpi-repairs').locator('[data-value]').getAttribute('data-value');
		expect(Number(value)).toBeGreaterThan(0);
		const signals = await page.getByTestId('signals').innerText();
		expect(signals.length).toBeGreaterThan(0);
	});

	it('filters the Defects page to BCD-450W and flags its 2024-07 spike on the p-chart', async () => {
		await page.goto(`${app.url}/defects`);
		await chartReady(page, 'chart-monthly');
		await chooseFilterValue(page, 'model', 'BCD-450W');
		await page.getByText('BCD-450W', { exact: false }).first().waitFor();
		await chartReady(page, 'chart-pchart');
		const months = (await page.getByTestId('chart-pchart').getAttribute('data-rule-months')) ?? '';
		expect(months.split(' ')).toContain('2024-07');
		const hit = page.locator('[data-testid="rule-hit"][data-month="2024-07"]');
		expect((await hit.getAttribute('data-rules'))?.split(',')).toContain('1');
	});

	it('drills from the 2024-07 rule hit to its repair orders', async () => {
		const hit = page.locator('[data-testid="rule-hit"][data-month="2024-07"]');
		await hit.getByTestId('rule-hit-drill').click();
		const rows = page.getByTestId('drill-row');
		await rows.first().waitFor({ timeout: 30_000 });
		expect(await page.getByTestId('drill-label').innerText()).toContain('2024-07');
		const first = await rows.first().innerText();
		expect(first).toContain('BCD-450W');
		expect(first).toContain('2024-07-');
		// The records are the month's repairs in warranty: as many as the p-chart counts.
		const figure = await page.getByTestId('drill-figure').getAttribute('data-value');
		await page.locator(`[data-testid="records-count"][data-count="${figure}"]`).waitFor();
	});

	it('drills from a click on the first Pareto bar to the repairs of that defect code', async () => {
		await chartReady(page, 'chart-pareto');
		const chart = page.getByTestId('chart-pareto');
		await chart.scrollIntoViewIfNeeded();
		const box = await chart.boundingBox();
		if (!box) throw new Error('the Pareto chart has no box');
		// The first category's column (bars are sorted by count; a click beside the bar counts too).
		await page.mouse.click(box.x + box.width * 0.12, box.y + box.height * 0.6);
		// The drill of the previous test is replaced by the Pareto bar's ("故障代码 E1").
		const label = page.getByTestId('drill-label').filter({ hasText: '故障代码' });
		await label.waitFor({ timeout: 30_000 });
		await page.waitForFunction(
			() => document.querySelector('[data-testid="drill"]')?.getAttribute('data-loading') === 'false'
		);
		const code = (await label.innerText()).match(/\b([A-Z]\d+)\b/)?.[1];
		expect(code).toBeTruthy();
		const rows = page.getByTestId('drill-row');
		await rows.first().waitFor({ timeout: 30_000 });
		const texts = await rows.allInnerTexts();
		expect(texts.length).toBeGreaterThan(0);
		for (const text of texts.slice(0, 20)) {
			expect(text).toContain('BCD-450W');
			// The defect cell: the code, then its dictionary name.
			expect(text).toMatch(new RegExp(`\t${code} \\S`));
		}
	});

	it('shows every analytics section with a drawn chart', async () => {
		for (const [path, chart] of [
			['/warranty', 'chart-weibull'],
			['/cost', 'chart-cost-monthly'],
			['/returns', 'chart-returns'],
			['/complaints', 'chart-sla'],
			['/satisfaction', 'chart-csat']
		] as const) {
			await page.goto(`${app.url}${path}`);
			await chartReady(page, chart);
		}
		await page.goto(`${app.url}/complaints`);
		expect(await page.locator('[data-testid="escalation"]').count()).toBeGreaterThan(0);
		expect(await page.getByTestId('escalations').innerText()).toContain('捷修科技');
	});
});
