import { request } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_USERS, openSession, type RunningApp, type Session } from './harness';

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
				path: url.pathname + url.search,
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

	it('sends the language switch and sign-in only to paths of this site, and answers a body that is not a form with 400', async () => {
		const form = (fields: Record<string, string>) => ({
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: app.url },
			body: new URLSearchParams(fields).toString()
		});
		// Browsers drop the tab: "/\t/evil.example" would be "//evil.example", another site.
		const tab = await send('/locale', form({ locale: 'en', redirectTo: '/\t/evil.example' }));
		expect(tab.status).toBe(303);
		expect(tab.headers.location).toBe('/');
		const back = await send('/locale', form({ locale: 'en', redirectTo: '/defects?model=A' }));
		expect(back.headers.location).toBe('/defects?model=A');
		const json = await send('/locale', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}'
		});
		expect(json.status).toBe(400);
		expect(json.body).toContain('application/x-www-form-urlencoded');
		const next = await send(`/login?next=${encodeURIComponent('/\n/evil.example')}`, { headers: asAdmin() });
		expect(next.status).toBe(303);
		expect(next.headers.location).toBe('/');
	});

	it('deletes the session cookie on plain http without Secure, so the browser drops it', async () => {
		const login = await send('/login', {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: app.url, accept: 'text/html' },
			body: new URLSearchParams({ ...E2E_USERS.viewer, next: '/' }).toString()
		});
		expect(login.status).toBe(303);
		const session = String(login.headers['set-cookie']).split(';')[0];
		expect(session).toMatch(/^workbench_session=.+/);
		const r = await send('/logout', { method: 'POST', headers: { cookie: session, origin: app.url } });
		expect(r.status).toBe(303);
		const cookie = String(r.headers['set-cookie']);
		expect(cookie).toMatch(/^workbench_session=;/);
		expect(cookie).not.toMatch(/Secure/i);
	});
});
