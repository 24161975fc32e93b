import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	chartReady,
	linkTarget,
	login,
	openSession,
	requestAs,
	type RunningApp,
	type Session
} from './harness';

/**
 * A drill-down from each analytics page on the demo data lists as many records as the clicked figure
 * says (data-value of drill-figure against data-count of records-count); the exports parse.
 */
let app: RunningApp;
let page: Page;
let close: Session['close'] | undefined;

beforeAll(async () => {
	({ app, page, close } = await openSession({ demo: true, viewport: { width: 1400, height: 1000 } }));
});
afterAll(() => close?.());

/** Clicks the chart at a share of its box (a click beside a bar means that month or key). */
async function clickChart(testid: string, x: number, y: number): Promise<void> {
	await chartReady(page, testid);
	const chart = page.getByTestId(testid);
	await chart.scrollIntoViewIfNeeded();
	const box = await chart.boundingBox();
	if (!box) throw new Error(`${testid} has no box`);
	await page.mouse.click(box.x + box.width * x, box.y + box.height * y);
}

/** The open drill's figure and its records' count, once loaded. */
async function figureAndCount(): Promise<[number, number]> {
	const drill = page.locator('[data-testid="drill"][data-loading="false"]');
	await drill.waitFor({ timeout: 30_000 });
	const figure = Number(await drill.getByTestId('drill-figure').getAttribute('data-value'));
	const count = Number(await drill.getByTestId('records-count').getAttribute('data-count'));
	return [figure, count];
}

async function expectMatch(): Promise<number> {
	const [figure, count] = await figureAndCount();
	expect(figure).toBeGreaterThan(0);
	expect(count).toBe(figure);
	return count;
}

describe('drill-down from every analytics page', () => {
	it('a viewer sees the figures, is told records are for other roles, and is offered no way into them', async () => {
		const viewer = await page.context().browser()!.newPage();
		try {
			await login(viewer, app, 'viewer', '/');
			await viewer.getByTestId('kpis').waitFor();
			expect(await viewer.locator('[data-testid$="-drill"]').count()).toBe(0);
			await viewer.goto(`${app.url}/defects`, { waitUntil: 'networkidle' });
			const hint = viewer.getByTestId('drill-hint').first();
			expect(await hint.innerText()).toContain('明细记录仅对管理员、分析员和审核员开放');
			expect(await viewer.getByTestId('view-records').count()).toBe(0);
			const chart = viewer.locator('[data-testid="chart-monthly"][data-ready="true"]');
			await chart.waitFor({ timeout: 30_000 });
			await chart.click();
			// An admin's panel opens within a frame of the click; give a viewer's ten times that.
			await viewer.waitForTimeout(500);
			expect(await viewer.getByTestId('drill').count()).toBe(0);
		} finally {
			await viewer.close();
		}
	});

	it('overview: the repairs KPI of its month', async () => {
		// The first page of a cold app: the button works once the page is hydrated.
		await page.goto(app.url, { waitUntil: 'networkidle' });
		await page.getByTestId('kpi-repairs-drill').click();
		await expectMatch();
		expect(await page.getByTestId('drill-row').count()).toBeGreaterThan(0);
	});

	it('overview: a share KPI counts its met and missed records and lists either', async () => {
		await page.goto(app.url, { waitUntil: 'networkidle' });
		await page.getByTestId('kpi-response_on_time-drill').click();
		const share = page.locator('[data-testid="drill-share"]:not([data-met=""]):not([data-missed=""])');
		await share.waitFor({ timeout: 30_000 });
		const [met, missed, value] = await Promise.all(
			['data-met', 'data-missed', 'data-value'].map(async (a) => Number(await share.getAttribute(a)))
		);
		expect(met).toBeGreaterThan(0);
		expect(missed).toBeGreaterThan(0);
		expect(met / (met + missed)).toBeCloseTo(value, 9);
		const count = page.locator('[data-testid="drill"][data-loading="false"] [data-testid="records-count"]');
		await expect.poll(() => count.getAttribute('data-count')).toBe(String(met));
		await page.getByTestId('drill-list-missed').click();
		await expect.poll(() => count.getAttribute('data-count')).toBe(String(missed));
	});

	it('defects: a month of the monthly chart, then a Pareto bar', async () => {
		await page.goto(`${app.url}/defects`);
		await clickChart('chart-monthly', 0.5, 0.55);
		await expectMatch();
		await clickChart('chart-pareto', 0.12, 0.6);
		await page.getByTestId('drill-label').filter({ hasText: '故障代码' }).waitFor();
		await expectMatch();
		// The records read their defect code with its name from the dictionary: "E5 压缩机异响".
		const cells = await page.getByTestId('drill-row').first().locator('td').allInnerTexts();
		expect(cells.some((c) => /^E\d+ \p{Script=Han}+/u.test(c))).toBe(true);
	});

	it('warranty: the in-warranty failures of a model', async () => {
		await page.goto(`${app.url}/warranty`);
		await page.getByTestId('weibull-failures-drill').first().click();
		await expectMatch();
	});

	it('cost: a month of cost, drilled to its repairs', async () => {
		await page.goto(`${app.url}/cost`);
		await clickChart('chart-cost-monthly', 0.5, 0.55);
		await expectMatch();
	});

	it('returns: a month of returns', async () => {
		await page.goto(`${app.url}/returns`);
		await clickChart('chart-returns', 0.5, 0.55);
		await expectMatch();
	});

	it('complaints: a month of complaints, a backlog bucket', async () => {
		await page.goto(`${app.url}/complaints`);
		await clickChart('chart-backlog', 0.5, 0.55);
		await expectMatch();
		await clickChart('chart-backlog-age', 0.15, 0.5);
		await page.getByTestId('drill-label').filter({ hasText: '>7d' }).waitFor();
		await figureAndCount().then(([figure, count]) => expect(count).toBe(figure));
	});

	it('satisfaction: a score of the distribution', async () => {
		await page.goto(`${app.url}/satisfaction`);
		await clickChart('chart-csat-scores', 0.85, 0.5);
		await page.getByTestId('drill-label').filter({ hasText: '= 5' }).waitFor();
		await expectMatch();
	});
});

describe('records table and exports', () => {
	it('scrolls, sorts on the server and exports the selection as CSV and XLSX', async () => {
		await page.goto(`${app.url}/data/records/repairs?from=2024-01-01&to=2024-12-31`);
		const count = Number(
			await page
				.locator('[data-testid="records-count"][data-count]:not([data-count=""])')
				.getAttribute('data-count')
		);
		expect(count).toBeGreaterThan(1000);
		// Only the rows in view are in the page, however many records there are.
		await page.getByTestId('drill-row').first().waitFor();
		expect(await page.getByTestId('drill-row').count()).toBeLessThan(80);
		await page.getByTestId('sort-parts_cost').click();
		await page.getByTestId('sort-parts_cost').click();
		await page.waitForURL(/records\/repairs/);
		await page.waitForFunction(() => document.querySelector('th[aria-sort="descending"]') !== null);

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByTestId('export-csv').click()
		]);
		expect(download.suggestedFilename()).toMatch(/^repairs-\d{4}-\d{2}-\d{2}\.csv$/);
		const csv = await readFile((await download.path())!);
		expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const parsed = Papa.parse<string[]>(csv.toString('utf8').slice(1), { skipEmptyLines: true });
		expect(parsed.errors).toEqual([]);
		expect(parsed.data.length - 1).toBe(count);

		const href = await linkTarget(page.getByTestId('export-xlsx'));
		const response = await requestAs(app, 'analyst', href);
		expect(response.headers.get('content-disposition')).toMatch(/repairs-.*\.xlsx/);
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(await response.arrayBuffer());
		const sheet = book.worksheets[0];
		expect(sheet.rowCount - 1).toBe(count);
		expect(sheet.getRow(1).font?.bold).toBe(true);
		expect(sheet.getRow(2).getCell(2).value).toBeInstanceOf(Date);
	});
});
