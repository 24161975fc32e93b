import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestAs, startApp, type RunningApp } from './harness';

/**
 * A scoped user's API token reads only its scope, over HTTP as automation would: the metric figures,
 * the records and their count, with or without filters of its own.
 */
const SCOPE = { regions: ['华东'], models: [] };

let app: RunningApp;
beforeAll(async () => {
	app = await startApp({ demo: true, users: [{ name: 'east-analyst', role: 'analyst', scope: SCOPE }] });
}, 180_000);
afterAll(() => app?.stop());

const asScoped = (path: string) =>
	fetch(new URL(path, app.url), { headers: { authorization: `Bearer ${app.userTokens['east-analyst']}` } });

async function repairs(response: Response): Promise<number> {
	expect(response.status).toBe(200);
	const { rows } = (await response.json()) as { rows: { repairs: number }[] };
	return rows.reduce((sum, row) => sum + row.repairs, 0);
}

async function recordCount(response: Response): Promise<number> {
	expect(response.status).toBe(200);
	return Number(response.headers.get('x-record-count'));
}

describe('a scoped API token', () => {
	it('gets the metric figures of its regions only, whatever it asks', async () => {
		const all = await repairs(await requestAs(app, 'admin', '/api/metrics/defects.monthly'));
		const east = await repairs(await requestAs(app, 'admin', '/api/metrics/defects.monthly?region=华东'));
		expect(east).toBeGreaterThan(0);
		expect(east).toBeLessThan(all);
		expect(await repairs(await asScoped('/api/metrics/defects.monthly'))).toBe(east);
		// A region outside the scope selects nothing rather than widening it.
		expect(await repairs(await asScoped('/api/metrics/defects.monthly?region=华北'))).toBe(0);
	});

	it('gets the records of its regions only, in the count and in the export', async () => {
		const east = await recordCount(await requestAs(app, 'admin', '/api/records/repairs?region=华东'));
		expect(east).toBeGreaterThan(0);
		expect(await recordCount(await asScoped('/api/records/repairs'))).toBe(east);
		const csv = await asScoped('/api/records/repairs?format=csv&columns=region');
		expect(await recordCount(csv)).toBe(east);
		// One column, the region: a header line, then one line per record.
		const lines = (await csv.text()).trim().split(/\r?\n/);
		expect(lines).toHaveLength(east + 1);
		expect(new Set(lines.slice(1))).toEqual(new Set(['华东']));
	});
});
