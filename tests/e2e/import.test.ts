import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type RunningApp, type Session } from './harness';

let app: RunningApp;
let page: Page;
let close: Session['close'] | undefined;

beforeAll(async () => {
	({ app, page, close } = await openSession());
});
afterAll(() => close?.());

describe('import in the browser', () => {
	it('shows an empty history before the first import', async () => {
		await page.goto(`${app.url}/data`);
		await expect(page.getByTestId('empty-history').isVisible()).resolves.toBe(true);
	});

	it('uploads a GBK file, maps it, imports it and shows the summary', async () => {
		const text = readFileSync(join(import.meta.dirname, '../fixtures/import/repairs-forms.csv'), 'utf8');
		const path = join(app.dir, '维修工单-gbk.csv');
		writeFileSync(path, iconv.encode(text.replace(/¥/g, '￥'), 'gbk'));

		await page.goto(`${app.url}/data/import`);
		await page.getByTestId('kind-select').selectOption('repair');
		await page.getByTestId('file-input').setInputFiles(path);
		// The browser decoded the GBK head and skipped the title row: headers map from their synonyms.
		const idSelect = page.locator('[data-testid="mapping-select"][data-header="维修单号"]');
		await idSelect.waitFor();
		await expect(idSelect.inputValue()).resolves.toBe('repair_id');
		await expect(
			page.locator('[data-testid="mapping-select"][data-header="报修时间"]').inputValue()
		).resolves.toBe('received_at');

		await page.getByTestId('import-button').click();
		const summary = page.getByTestId('result-summary');
		await summary.waitFor({ timeout: 60_000 });
		const value = async (key: string) =>
			Number(await page.getByTestId(`result-${key}`).getAttribute('data-value'));
		expect(await value('rows')).toBe(11);
		expect(await value('accepted')).toBe(10);
		expect(await value('skipped')).toBe(1);
		expect(await value('rejected')).toBe(0);
	});

	it('lists the batch with its lineage on the Data page', async () => {
		await page.goto(`${app.url}/data`);
		const history = page.getByTestId('history');
		await history.waitFor();
		const text = await history.innerText();
		expect(text).toContain('维修工单-gbk.csv');
		expect(text).toContain('gb18030');
		expect(await page.getByTestId('count-repairs').innerText()).toContain('10');
	});

	it('audits the import with who made it and the address it came from', async () => {
		const res = await fetch(`${app.url}/api/audit?format=csv&action=import.commit`, {
			headers: { authorization: `Bearer ${app.tokens.admin}` }
		});
		expect(res.status).toBe(200);
		const [header, entry, ...more] = (await res.text())
			.replace(/^\uFEFF/, '')
			.trim()
			.split('\r\n');
		expect(more).toEqual([]);
		const columns = header.split(',');
		const cells = entry.split(',');
		const cell = (name: string) => cells[columns.indexOf(name)];
		expect([cell('action'), cell('origin')]).toEqual(['import.commit', '127.0.0.1']);
		expect(cell('actor')).toBe('admin');
	});

	it('switches the interface to English', async () => {
		await page.goto(`${app.url}/data`);
		await page.getByTestId('locale-en').click();
		// The labels re-render after the locale cookie is set and the layout data reloads.
		await page.waitForFunction(
			() => document.querySelector('[data-testid="nav-data"]')?.textContent?.includes('Data'),
			null,
			{ timeout: 10_000 }
		);
		expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
		expect(await page.getByTestId('nav-data').innerText()).toMatch(/Data/);
	});
});
