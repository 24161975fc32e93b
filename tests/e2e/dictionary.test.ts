import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { linkTarget, openSession, type Session } from './harness';

const SAMPLES = join(import.meta.dirname, '../../data/samples');

describe('defect code dictionary and chart states on the sample data', () => {
	let session: Session | undefined;
	afterAll(() => session?.close());

	it('renames a code in settings and shows the name on the Defects Pareto table view', async () => {
		session = await openSession({ demo: true, viewport: { width: 1400, height: 1000 } });
		const { app, page } = session;
		await page.goto(`${app.url}/settings/defect-codes`);
		const row = page.getByTestId('dict-row-E5');
		expect(await row.innerText()).toContain('压缩机异响');
		await row.getByTestId('dict-edit').click();
		await row.getByTestId('dict-edit-zh').fill('压缩机噪音过大');
		await row.getByTestId('dict-save').click();
		await page.getByTestId('dict-row-E5').getByText('压缩机噪音过大').waitFor();

		await page.goto(`${app.url}/defects`);
		const card = page.getByTestId('card-pareto');
		await card.locator('[data-testid="chart-pareto"][data-ready="true"]').waitFor({ timeout: 30_000 });
		await card.getByTestId('table-view-toggle').click();
		const table = card.getByTestId('table-view');
		await table.waitFor();
		const text = await table.innerText();
		expect(text).toContain('E5 压缩机噪音过大');
		expect(text).toContain('E1 制冷不良');
		expect(await card.innerText()).toMatch(/share \(%\)/);
		// Every row holds a count and a share; the shares of the rows add up to 100 %.
		const shares = await table
			.locator('tbody tr')
			.evaluateAll((rows) => rows.map((r) => Number(r.children[2]?.textContent?.replace('%', ''))));
		expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
		await card.getByTestId('table-view-toggle').click();
		await card.locator('[data-testid="chart-pareto"]').waitFor();
		await session.close();
		session = undefined;
	}, 180_000);

	it('names the missing kinds with import links on a repairs-only database', async () => {
		session = await openSession({ viewport: { width: 1400, height: 1000 } });
		const { app, page } = session;
		const bytes = readFileSync(join(SAMPLES, 'repairs-bad-rows.csv'));
		const upload = await page.request.post(`${app.url}/api/uploads?name=repairs.csv`, {
			headers: { 'content-type': 'application/octet-stream', origin: app.url },
			data: bytes
		});
		const { uploadId } = (await upload.json()) as { uploadId: string };
		const started = await page.request.post(`${app.url}/api/imports`, {
			headers: { origin: app.url },
			data: { uploadId, kind: 'repair' }
		});
		const { jobId } = (await started.json()) as { jobId: string };
		for (let status = 'running'; status === 'running';) {
			await new Promise((r) => setTimeout(r, 300));
			status = (
				(await (await page.request.get(`${app.url}/api/imports/${jobId}`)).json()) as { status: string }
			).status;
		}

		await page.goto(`${app.url}/returns`);
		const empty = page.getByTestId('missing-kinds');
		await empty.waitFor();
		expect(await empty.locator('li').getAttribute('data-kind')).toBe('return');
		expect(await empty.innerText()).toContain('尚未导入退换货');
		expect(await linkTarget(page.getByTestId('import-return'))).toBe('/data/import?kind=return');

		await page.goto(`${app.url}/complaints`);
		expect(await linkTarget(page.getByTestId('import-complaint').first())).toBe(
			'/data/import?kind=complaint'
		);

		await page.goto(`${app.url}/defects`);
		const monthly = page.getByTestId('card-monthly');
		expect(await monthly.getAttribute('data-state')).toBe('partial');
		const partial = monthly.getByTestId('missing-partial');
		expect(await partial.locator('li').getAttribute('data-kind')).toBe('sales');
		expect(await partial.innerText()).toContain('尚未导入销量');
		await page.getByTestId('import-sales').first().click();
		await page.waitForURL(/\/data\/import\?kind=sales/);
	}, 180_000);
});
