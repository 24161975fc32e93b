import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_USERS, login, openSession, type RunningApp, type Session } from './harness';

let app: RunningApp;
let page: Page;
let close: Session['close'] | undefined;

beforeAll(async () => {
	({ app, page, close } = await openSession({ as: null }));
}, 120_000);
afterAll(() => close?.());

const sessionCookie = async () =>
	(await page.context().cookies()).find((c) => c.name === 'workbench_session');

async function tryLogin(name: string, password: string) {
	await page.goto(`${app.url}/login`);
	await page.getByTestId('login-name').fill(name);
	await page.getByTestId('login-password').fill(password);
	const [response] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST'),
		page.getByTestId('login-submit').click()
	]);
	await page.getByTestId('login-error').waitFor();
	return { response, message: await page.getByTestId('login-error').textContent() };
}

describe('login, session and logout in the browser', () => {
	it('sends an anonymous page to the login form and back to it after login, with a new session id', async () => {
		await page.goto(`${app.url}/data?x=1`);
		expect(new URL(page.url()).pathname).toBe('/login');
		expect(new URL(page.url()).searchParams.get('next')).toBe('/data?x=1');
		// A session id planted before login (fixation) is not adopted.
		await page.context().addCookies([{ name: 'workbench_session', value: 'planted', url: app.url }]);
		await login(page, app, 'analyst', '/data?x=1');
		expect(new URL(page.url()).pathname).toBe('/data');
		const cookie = await sessionCookie();
		expect(cookie?.value).not.toBe('planted');
		expect(cookie?.httpOnly).toBe(true);
		expect(cookie?.sameSite).toBe('Lax');
		expect(await page.getByTestId('user-menu').textContent()).toContain('analyst');
	});

	it('logs out: the cookie goes and pages ask for a login again', async () => {
		await page.getByTestId('logout').click();
		await page.waitForURL(/\/login$/);
		expect(await sessionCookie()).toBeUndefined();
		await page.goto(`${app.url}/`);
		expect(new URL(page.url()).pathname).toBe('/login');
	});

	it('answers a wrong password and an unknown name alike, then refuses with Retry-After', async () => {
		const wrong = await tryLogin(E2E_USERS.viewer.name, 'not the password');
		const unknown = await tryLogin('nobody', 'not the password');
		expect(wrong.response.status()).toBe(400);
		expect(unknown.message).toBe(wrong.message);
		for (let i = 0; i < 3; i++) await tryLogin('nobody', 'x');
		// Five failures from this address: even the right password waits now.
		const limited = await tryLogin(E2E_USERS.viewer.name, E2E_USERS.viewer.password);
		expect(limited.response.status()).toBe(429);
		expect(Number(limited.response.headers()['retry-after'])).toBeGreaterThan(800);
		expect(limited.message).toMatch(/15/);
	});
});
