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

describe('Audit log page', () => {
	it('lists the demo imports, says the chain holds, filters and exports the filtered list', async () => {
		await page.goto(`${app.url}/admin/audit`);
		expect(await page.getByTestId('audit-chain').innerText()).toMatch(/哈希链完整/);
		// The newest entry's hash, to note elsewhere: what a chain alone cannot show is entries cut from its end.
		expect(await page.getByTestId('audit-last').innerText()).toMatch(
			/^最新一条为第 \d+ 条，SHA-256 [0-9a-f]{64}：/
		);
		expect(await page.locator('tbody tr').count()).toBeGreaterThan(0);
		await page.locator('select[name="action"]').selectOption('import.commit');
		await Promise.all([
			page.waitForURL(/action=import\.commit/),
			page.locator('form.filters button[type="submit"]').click()
		]);
		// The GET form navigates on the client: wait until the table shows the filtered list.
		await page.waitForFunction(() => {
			const cells = [...document.querySelectorAll('tbody tr td:nth-child(4)')];
			return cells.length > 0 && cells.every((c) => c.textContent === 'import.commit');
		});
		const actions = await page.locator('tbody tr td:nth-child(4)').allInnerTexts();
		expect(actions.length).toBeGreaterThan(0);
		expect(new Set(actions)).toEqual(new Set(['import.commit']));
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByText('导出 CSV').click()]);
		const csv = readFileSync((await download.path())!, 'utf8');
		expect(csv.startsWith('\uFEFFid,at,actor,action')).toBe(true);
		expect(csv.trim().split('\r\n')).toHaveLength(actions.length + 1);
	});
});
