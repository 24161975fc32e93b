import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { NO_SCOPE, ROLES, type Role, type UserScope } from '../../src/lib/domain/auth/user';
import { addToken } from '../../src/lib/server/auth/tokens';
import { addUser } from '../../src/lib/server/auth/users';
import { Database } from '../../src/lib/server/db/connection';
import { CHROMIUM_ARGS } from '../../src/lib/server/reports/chromium-args';

const ROOT = join(import.meta.dirname, '../..');

/** Debian's Chromium, with the flags this machine's closed network needs. */
async function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		headless: true,
		args: CHROMIUM_ARGS
	});
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))
			);
		});
	});
}

export interface RunningApp {
	url: string;
	dir: string;
	/** An API token per role (users E2E_USERS[role]), for requests without a browser. */
	tokens: Record<Role, string>;
	/** The API token of each extra user (StartOptions.users), by name. */
	userTokens: Record<string, string>;
	/** Sends SIGTERM and waits for the server to exit, keeping its folder. */
	terminate: () => Promise<void>;
	/** Terminates the server and removes its folder. */
	stop: () => Promise<void>;
}

/** The users every e2e app has: one per role, the name being the role. */
export const E2E_USERS: Record<Role, { name: string; password: string }> = Object.fromEntries(
	ROLES.map((role) => [role, { name: role, password: `${role}-e2e-password` }])
) as Record<Role, { name: string; password: string }>;

/** A user beyond the one per role, e.g. with a scope; its token is in RunningApp.userTokens. */
interface ExtraUser {
	name: string;
	role: Role;
	scope: UserScope;
}

/**
 * One user per role and a token each, and the extra users with theirs, written before the server opens
 * the file (DuckDB allows one process).
 */
async function addUsers(
	database: string,
	extra: readonly ExtraUser[]
): Promise<{ tokens: Record<Role, string>; userTokens: Record<string, string> }> {
	const db = await Database.open(database);
	try {
		const actor = { name: 'e2e', origin: 'e2e' };
		const tokenOf = async (name: string, role: Role, scope: UserScope, password = `${name}-e2e-password`) =>
			(await addToken(db, await addUser(db, { name, password, role, scope }, actor), 'e2e', actor)).token;
		const tokens = {} as Record<Role, string>;
		for (const role of ROLES) tokens[role] = await tokenOf(role, role, NO_SCOPE, E2E_USERS[role].password);
		const userTokens: Record<string, string> = {};
		for (const user of extra) userTokens[user.name] = await tokenOf(user.name, user.role, user.scope);
		return { tokens, userTokens };
	} finally {
		db.close();
	}
}

/**
 * A request as a role (its API token): what e2e tests use for API calls outside the browser.
 * Anonymous with role null.
 */
export function requestAs(
	app: RunningApp,
	role: Role | null,
	path: string,
	init: RequestInit = {}
): Promise<Response> {
	const headers = new Headers(init.headers);
	if (role) headers.set('authorization', `Bearer ${app.tokens[role]}`);
	return fetch(new URL(path, app.url), { redirect: 'manual', ...init, headers });
}

/** Signs the page in as a role through the login form; resolves on the page it lands on. */
export async function login(page: Page, app: RunningApp, role: Role = 'admin', next = '/'): Promise<void> {
	// Typed into before hydration, a field could be drawn again empty: wait for the page's scripts.
	await page.goto(`${app.url}/login?next=${encodeURIComponent(next)}`, { waitUntil: 'networkidle' });
	await page.getByTestId('login-name').fill(E2E_USERS[role].name);
	await page.getByTestId('login-password').fill(E2E_USERS[role].password);
	await Promise.all([
		page.waitForURL((url) => url.pathname !== '/login'),
		page.getByTestId('login-submit').click()
	]);
}

export interface StartOptions {
	/** Load the sample data set (data/samples, `workbench demo`) into the app's database first. */
	demo?: boolean;
	/** Users beyond the one per role. */
	users?: readonly ExtraUser[];
}

/** Imports the sample manifest into a database file through the CLI (the same ingest code as the app). */
function loadDemo(database: string): void {
	const result = spawnSync(process.execPath, [join(ROOT, 'bin/workbench.js'), 'demo', '--json'], {
		cwd: ROOT,
		env: { ...process.env, WORKBENCH_DB: database },
		encoding: 'utf8'
	});
	if (result.status !== 0) throw new Error(`workbench demo failed:\n${result.stderr}`);
}

/** Starts the built app (npm run build first) on a free port with its own database and uploads folder. */
export async function startApp(options: StartOptions = {}): Promise<RunningApp> {
	const entry = join(ROOT, 'build/index.js');
	if (!existsSync(entry))
		throw new Error('build/index.js is missing: run `npm run build` before the e2e tests');
	const dir = mkdtempSync(join(tmpdir(), 'workbench-e2e-'));
	if (options.demo) loadDemo(join(dir, 'e2e.duckdb'));
	const { tokens, userTokens } = await addUsers(join(dir, 'e2e.duckdb'), options.users ?? []);
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const child: ChildProcess = spawn(process.execPath, [entry], {
		cwd: ROOT,
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: url,
			BODY_SIZE_LIMIT: 'Infinity',
			WORKBENCH_DB: join(dir, 'e2e.duckdb'),
			WORKBENCH_UPLOADS: join(dir, 'uploads'),
			WORKBENCH_EVIDENCE: join(dir, 'evidence'),
			WORKBENCH_REPORTS: join(dir, 'reports')
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout?.on('data', (d) => (output += d));
	child.stderr?.on('data', (d) => (output += d));
	const deadline = Date.now() + 30_000;
	for (;;) {
		try {
			if ((await fetch(`${url}/login`)).ok) break;
		} catch {
			/* not listening yet */
		}
		if (child.exitCode !== null || Date.now() > deadline)
			throw new Error(`the app did not start:\n${output}`);
		await new Promise((r) => setTimeout(r, 200));
	}
	const exited = new Promise<void>((r) => child.once('exit', () => r()));
	const terminate = async () => {
		child.kill('SIGTERM');
		await exited;
	};
	return {
		url,
		dir,
		tokens,
		userTokens,
		terminate,
		stop: async () => {
			await terminate();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

export interface Session {
	app: RunningApp;
	page: Page;
	/** Closes the browser and stops the app. */
	close: () => Promise<void>;
}

/** The built app and one browser page on it, signed in: what each e2e file opens before its tests. */
export async function openSession(
	options: StartOptions & {
		viewport?: { width: number; height: number };
		/** Who the page is signed in as (admin unless said); null for an anonymous page. */
		as?: Role | null;
	} = {}
): Promise<Session> {
	const app = await startApp(options);
	try {
		const browser = await launchBrowser();
		const page = await browser.newPage(options.viewport ? { viewport: options.viewport } : {});
		if (options.as !== null) await login(page, app, options.as ?? 'admin');
		const close = async () => {
			await browser.close();
			await app.stop();
		};
		return { app, page, close };
	} catch (error) {
		await app.stop();
		throw error;
	}
}

/** Where a link leads (path and query), as the browser resolves its href against the page. */
export async function linkTarget(link: Locator): Promise<string> {
	return link.evaluate((a) => {
		const url = new URL((a as HTMLAnchorElement).href);
		return url.pathname + url.search;
	});
}

/** Waits until the chart with this test id has been drawn by ECharts with its current data. */
export async function chartReady(page: Page, testid: string): Promise<void> {
	await page.locator(`[data-testid="${testid}"][data-ready="true"]`).waitFor({ timeout: 30_000 });
}
