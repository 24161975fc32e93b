import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallCatalogue } from '../helpers/assessment';
import { openSession, type RunningApp, type Session } from './harness';

let app: RunningApp;
let page: Page;
let close: Session['close'] | undefined;

beforeAll(async () => {
	({ app, page, close } = await openSession({ viewport: { width: 1400, height: 1000 } }));
});
afterAll(() => close?.());

const score = async () => Number(await page.getByTestId('score-value').getAttribute('data-score'));

/** Waits until the live score panel shows this level (it is recomputed in the browser on every change). */
async function expectLevel(expected: string, value: number): Promise<void> {
	await page.locator(`[data-testid="score-level"][data-level="${expected}"]`).waitFor({ timeout: 10_000 });
	expect(await score()).toBeCloseTo(value, 2);
}

describe('GB/T 27922 self-assessment in the browser', () => {
	it('creates a small assessment with a certification body catalogue', async () => {
		await page.goto(`${app.url}/assessment`);
		await page.getByTestId('assessments-empty').waitFor();
		const sheet = join(app.dir, '认证机构评分表.json');
		writeFileSync(sheet, JSON.stringify(smallCatalogue()));
		await page.getByTestId('catalogue-file').setInputFiles(sheet);
		expect(await page.getByTestId('catalogue-loaded').innerText()).toContain('5');
		await page.getByTestId('create-name').fill('2024 年度自评');
		await page.getByTestId('create-site').fill('上海总部');
		await page.getByTestId('create-assessor').fill('张三');
		await page.getByTestId('create-from').fill('2024-01-01');
		await page.getByTestId('create-to').fill('2024-12-31');
		await page.getByTestId('create-submit').click();
		await page.waitForURL(/\/assessment\/1\/1$/);
		expect(await page.getByTestId('assessment-name').innerText()).toBe('2024 年度自评');
		await expectLevel('not-rated', 0);
		expect(await page.getByTestId('provisional-badge').isVisible()).toBe(true);
		await page.locator('[data-testid="chart-radar"][data-ready="true"]').waitFor({ timeout: 30_000 });
	});

	it('changes the score and level live as leaves are marked', async () => {
		await page.getByTestId('status-1.1.1-conform').check();
		await expectLevel('not-rated', 40);
		await page.getByTestId('status-1.2.1-conform').check();
		await page.getByTestId('status-1.2.2-conform').check();
		await expectLevel('three-star', 80);
		await page.getByTestId('status-2.1.1-nonconform').check();
		await page.getByTestId('status-2.1.2-excluded').check();
		// 80 earned of 90 applicable
		await expectLevel('three-star', 88.888888889);
		expect(await page.getByTestId('provisional-badge').count()).toBe(0);
		await page.getByTestId('status-2.1.1-sampled').check();
		await page.getByTestId('samples-2.1.1').fill('10');
		await page.getByTestId('conforming-2.1.1').fill('5');
		// 85 of 90
		await expectLevel('four-star', 94.444444444);
		await page.getByTestId('status-2.1.1-conform').check();
		await expectLevel('five-star', 100);
		expect(await page.getByTestId('star-note').innerText()).toContain('一年');
		// a special deduction takes a point: 99 is still five-star
		await page.getByTestId('deduction-reason').fill('未按承诺时限上门');
		await page.getByTestId('deduction-rectification').fill('修订时限并培训');
		await page.getByTestId('deduction-add').click();
		await expectLevel('five-star', 99);
		await page.getByTestId('status-2.1.1-nonconform').check();
		await expectLevel('three-star', 87.888888889);
	});

	it('attaches evidence with its SHA-256 and saves the draft', async () => {
		const bytes = Buffer.from('%PDF-1.4 组织架构图');
		const file = join(app.dir, '组织架构图.pdf');
		writeFileSync(file, bytes);
		await page.locator('[data-testid="leaf-1.1.1"] summary').click();
		await page.getByTestId('evidence-input-1.1.1').setInputFiles(file);
		const listed = page.locator('[data-testid="evidence-1.1.1"] [data-testid="evidence-file"]');
		await listed.waitFor();
		expect(await listed.getAttribute('data-sha256')).toBe(createHash('sha256').update(bytes).digest('hex'));
		await page.getByTestId('save').click();
		await page.locator('[data-testid="save-state"][data-dirty="false"]').waitFor();
		await page.reload();
		await expectLevel('three-star', 87.888888889);
		expect(await page.getByTestId('leaf-2.1.1').getAttribute('data-status')).toBe('nonconform');
	});

	it('finalises after confirmation and then refuses edits', async () => {
		await page.getByTestId('finalise').click();
		await page.getByTestId('finalise-yes').click();
		await page.getByTestId('readonly-banner').waitFor();
		expect(await page.getByTestId('status-1.1.1-nonconform').isDisabled()).toBe(true);
		expect(await page.getByTestId('save').count()).toBe(0);
		const refused = await page.evaluate(async () => {
			const response = await fetch('/api/assessments/1/versions/1', {
				method: 'PUT',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ items: {}, deductions: [], merit: null })
			});
			return { status: response.status, body: await response.json() };
		});
		expect(refused.status).toBe(409);
		expect(refused.body.code).toBe('locked');
	});

	it('starts a new draft from the final version with its results', async () => {
		await page.getByTestId('new-draft').click();
		await page.waitForURL(/\/assessment\/1\/2$/);
		await expectLevel('three-star', 87.888888889);
		expect(await page.getByTestId('status-1.1.1-conform').isChecked()).toBe(true);
		expect(await page.getByTestId('status-1.1.1-conform').isDisabled()).toBe(false);
		await page.getByTestId('status-2.1.1-conform').check();
		await expectLevel('five-star', 99);
	});
});
