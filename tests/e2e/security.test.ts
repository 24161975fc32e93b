import { request } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type RunningApp, type Session } from './harness';

let app: RunningApp;
let page: Page;
let close: Session['close'] | undefined;

beforeAll(async () => {
	({ app, page, close } = await openSession());
}, 120_000);
afterAll(() => close?.());

const asAdmin = () => ({ authorization: `Bearer ${app.tokens.admin}` });

/** A raw HTTP request, so the Host and Origin headers are exactly the ones given. */
function send(
	path: string,
	options: { method?: string; headers?: Record<string, string>; body?: string } = {}
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
	const url = new URL(path, app.url);
	return new Promise((resolve, reject) => {
		const req = request(
			{
				host: url.hostname,
				port: url.port,
				path: url.pathname,
				method: options.method ?? 'GET',
				headers: options.headers
			},
			(res) => {
				let body = '';
				res.on('data', (d) => (body += d));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
			}
		);
		req.on('error', reject);
		req.end(options.body);
	});
}

describe('request guard and security headers', () => {
	it('serves pages with a script policy without inline script and no framing', async () => {
		const r = await send('/login');
		expect(r.status).toBe(200);
		const csp = String(r.headers['content-security-policy']);
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).toMatch(/script-src 'self'( 'sha256-[^']+')*(;|$)/);
		expect(csp.split(';').find((d) => d.trim().startsWith('script-src'))).not.toContain('unsafe-inline');
		expect(r.headers['x-content-type-options']).toBe('nosniff');
		expect(r.headers['referrer-policy']).toBe('same-origin');
		expect(r.headers['x-frame-options']).toBe('DENY');
	});

	it('runs the app under that policy (the overview renders in Chromium)', async () => {
		const violations: string[] = [];
		page.on('console', (m) => {
			if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
		});
		await page.goto(`${app.url}/data`);
		await page.getByTestId('empty-history').waitFor();
		await page.getByTestId('import-link').click();
		await page.waitForURL(/\/data\/import$/);
		expect(violations).toEqual([]);
	});

	it('refuses a foreign Host header (DNS rebinding) with 421', async () => {
		const r = await send('/api/batches', { headers: { host: 'attacker.example' } });
		expect(r.status).toBe(421);
		expect(r.body).toContain('WORKBENCH_ALLOWED_HOSTS');
		expect(r.headers['x-frame-options']).toBe('DENY');
	});

	it('refuses a state-changing request from another origin, nothing changed', async () => {
		const before = await send('/api/metrics/config', { headers: asAdmin() });
		expect(before.status).toBe(200);
		const r = await send('/api/metrics/config', {
			method: 'PUT',
			headers: { ...asAdmin(), origin: 'https://evil.example', 'content-type': 'application/json' },
			body: '{}'
		});
		expect(r.status).toBe(403);
		expect(r.body).toContain('https://evil.example');
		expect((await send('/api/metrics/config', { headers: asAdmin() })).body).toBe(before.body);
		const api = await send('/api/batches', { headers: asAdmin() });
		expect(api.status).toBe(200);
		expect(api.headers['content-security-policy']).toContain("default-src 'none'");
	});
});
