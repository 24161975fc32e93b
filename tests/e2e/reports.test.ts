import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type RunningApp, type Session } from './harness';

let app: RunningApp;
let page: Page;
let close: Session['close'] | undefined;

beforeAll(async () => {
	({ app, page, close } = await openSession({ demo: true, viewport: { width: 1400, height: 1000 } }));
}, 180_000);
afterAll(() => close?.());

/** Generates a monthly review in one format from the page and returns the downloaded bytes. */
async function generateAndDownload(format: 'html' | 'pdf' | 'xlsx'): Promise<{ id: string; bytes: Buffer }> {
	await page.getByTestId('report-format').selectOption(format);
	await page.getByTestId('report-generate').click();
	const made = page.getByTestId('report-made');
	await made.waitFor({ timeout: 60_000 });
	const id = /RPT-\d{6}/.exec(await made.innerText())![0];
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('report-made-download').click()
	]);
	expect(download.suggestedFilename()).toBe(`${id}-monthly-review-2025-12.${format}`);
	return { id, bytes: readFileSync((await download.path())!) };
}

describe('Reports page', () => {
	it('starts with no reports and the latest complete month', async () => {
		await page.goto(`${app.url}/reports`);
		await page.getByTestId('report-list-empty').waitFor();
		expect(await page.getByTestId('report-period').inputValue()).toBe('2025-12');
	});

	it('generates and downloads each format', async () => {
		const html = await generateAndDownload('html');
		expect(html.bytes.toString('utf8')).toContain(html.id);
		expect(html.bytes.toString('utf8')).toContain('月度管理评审报告');
		const xlsx = await generateAndDownload('xlsx');
		expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');
		const pdf = await generateAndDownload('pdf');
		expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
		await page.getByTestId(`report-row-${pdf.id}`).waitFor();
		expect(await page.locator('[data-testid^="report-row-"]').count()).toBe(3);
		// Each row says the scope the report covers: the admin's, the whole company.
		const header = await page.getByTestId('report-list').locator('th').allInnerTexts();
		expect(header).toContain('数据范围');
		expect(await page.getByTestId(`report-row-${pdf.id}`).innerText()).toContain('全公司');
	}, 120_000);

	it('compares two reports side by side', async () => {
		const rows = page.locator('[data-testid^="report-row-"]');
		await rows.nth(0).locator('input[type="checkbox"]').check();
		await rows.nth(1).locator('input[type="checkbox"]').check();
		await page.getByTestId('report-compare').click();
		await page.waitForURL(/\/reports\/compare\?a=RPT-\d{6}&b=RPT-\d{6}/);
		const kpis = page.getByTestId('compare-kpis');
		await kpis.waitFor();
		expect(await kpis.innerText()).toContain('千台维修率');
	});
});
