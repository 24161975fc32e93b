/**
 * UI benchmark (issue 15): Debian's Chromium (playwright-core, the e2e tests' flags) against the built
 * app on the 5M-repair data of bench/metrics-data.ts, signed in through the login form as a user would.
 * Each run starts the server afresh (nothing cached in it) and measures:
 *
 * - Overview: from `goto('/')` until every chart is ready (below); cold = the first page after the
 *   server started, warm = the same page again.
 * - Filter change on Defects: from ticking a model in the filter bar's multi-select until the URL carries
 *   it and every chart is ready again; cold = a model not chosen before, warm = the same model again.
 * - Drill-down: on Defects for one month with ~100k repairs (the monthly chart then has one bar), from the
 *   click on the bar until the first rows of the records table are visible; cold = a month not drilled
 *   before, warm = the same click after a reload.
 *
 * "Ready": the filter bar hydrated (it answers clicks), no card in its loading state, and every ECharts
 * chart on the page `data-ready` (ECharts' `finished`: drawn, its animation over) with the current data —
 * a chart drawn before the action does not count until it has drawn another option (`data-draws`). "Drawn" is also reported:
 * the moment the page's data is in (cards out of loading, hydrated) before the charts' animations end.
 * A server-timing section lists each request the page made for the cold Overview and filter change.
 *
 *   npx tsx bench/run.ts ui
 *
 * Environment: BENCH_UI_RUNS (server starts, default 4), BENCH_UI_WARM (warm repeats per run, default 3).
 *
 * Over 300 lines: the three scenarios share one browser, one server per run and one readiness test;
 * apart, each would start its own server on the 5M data and take minutes more.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { addUser } from '../src/lib/server/auth/users';
import { Database } from '../src/lib/server/db/connection';
import { CHROMIUM_ARGS } from '../src/lib/server/reports/chromium-args';
import { ensureBuild, startApp, type RunningApp } from './app';
import { descendantPids, envInt, otherCpuMeter, stats, type Stats } from './common';
import type { Check } from './import';
import { metricsData } from './metrics-data';

const GOALS = { overview: 1500, filter: 500, drill: 1000 } as const;
const USER = { name: 'ui-bench', password: 'ui-bench-password' };
/** Models ticked in the filter bar, one a run (each new to the server in its run). */
const MODELS = ['KFR-35GW', 'BCD-218', 'XQG100', 'KFR-26GW'];
/**
 * Months whose repairs number about 100k on the 5M data (bench/metrics-data.ts grows ~8 % a year:
 * 2023-09 94.6k, 2023-10 102.2k, 2023-11 103.0k), one a run.
 */
const DRILL_MONTHS = ['2023-10', '2023-11', '2023-09', '2023-10'];
const TIMEOUT = 60_000;

type Scenario = 'overview' | 'filter' | 'drill';
interface Sample {
	/** ms until ready (charts drawn and settled; for the drill, first rows visible). */
	ready: number;
	/** ms until the data was in and the page hydrated (charts may still be animating). */
	drawn: number;
}
interface Samples {
	cold: Sample[];
	warm: Sample[];
}
interface Request {
	path: string;
	ms: number;
	bytes: number;
}

/** Notes how many options each chart on the page has drawn; a chart counts again once it drew another. */
async function markCharts(page: Page): Promise<void> {
	await page.evaluate(() => {
		for (const chart of document.querySelectorAll<HTMLElement>('.chart'))
			chart.dataset.benchDraws = chart.dataset.draws;
	});
}

/** What a page that never got ready shows: its URL, loading cards and charts' states. */
function pageState(page: Page): Promise<string> {
	return page.evaluate(() =>
		[
			location.href,
			`filter bar ready: ${document.querySelector('[data-testid="filter-bar"]')?.getAttribute('data-ready')}`,
			`loading cards: ${document.querySelectorAll('[data-testid="card-loading"]').length}`,
			...[...document.querySelectorAll<HTMLElement>('.chart')].map(
				(c) =>
					`${c.dataset.testid}: ready ${c.dataset.ready}${c.dataset.benchDraws === c.dataset.draws ? ', not drawn again' : ''}`
			)
		].join('\n')
	);
}

/**
 * Waits until the page is ready (see the header) and its URL has `search` (all its parameters);
 * resolves with the wall-clock times (ms since the epoch, the page's clock) of "drawn" and "ready".
 */
async function waitReady(
	page: Page,
	search: Record<string, string> = {}
): Promise<{ drawn: number; ready: number }> {
	const at = await page
		.waitForFunction(
			(want) => {
				const w = window as unknown as { __uiBenchDrawn?: number };
				const params = new URLSearchParams(location.search);
				if (!Object.entries(want).every(([k, v]) => params.getAll(k).includes(v))) return false;
				if (document.querySelector('[data-testid="filter-bar"]')?.getAttribute('data-ready') !== 'true')
					return false;
				if (document.querySelector('[data-testid="card-loading"], .metric-card[aria-busy="true"]'))
					return false;
				const now = performance.timeOrigin + performance.now();
				w.__uiBenchDrawn ??= now;
				const charts = [...document.querySelectorAll<HTMLElement>('.chart')];
				if (!charts.every((c) => c.dataset.ready === 'true' && c.dataset.benchDraws !== c.dataset.draws))
					return false;
				const drawn = w.__uiBenchDrawn;
				delete w.__uiBenchDrawn;
				return { drawn, ready: now };
			},
			search,
			{ timeout: TIMEOUT, polling: 'raf' }
		)
		.catch(async (error: Error) => {
			throw new Error(`${error.message}\n${await pageState(page)}`);
		});
	return (await at.jsonValue()) as { drawn: number; ready: number };
}

/** The responses of same-origin requests the page makes, with their time to the last byte. */
function recordRequests(page: Page): { take: () => Request[] } {
	let seen: Request[] = [];
	page.on('requestfinished', async (request) => {
		const url = new URL(request.url());
		if (url.pathname.startsWith('/_app/')) return;
		const timing = request.timing();
		const sizes = await request.sizes().catch(() => null);
		seen.push({
			path: url.pathname + url.search,
			ms: timing.responseEnd,
			bytes: sizes?.responseBodySize ?? 0
		});
	});
	return {
		take: () => {
			const taken = seen;
			seen = [];
			return taken;
		}
	};
}

async function signIn(page: Page, app: RunningApp): Promise<void> {
	// Lands on the account page, so that the Overview is measured as a page of its own.
	// Typed into before hydration, a field could be drawn again empty: wait for the page's scripts.
	await page.goto(`${app.url.origin}/login?next=${encodeURIComponent('/account')}`, {
		waitUntil: 'networkidle'
	});
	await page.getByTestId('login-name').fill(USER.name);
	await page.getByTestId('login-password').fill(USER.password);
	await Promise.all([
		page.waitForURL((url) => url.pathname !== '/login', { timeout: TIMEOUT }),
		page.getByTestId('login-submit').click()
	]);
}

async function timeOverview(page: Page, app: RunningApp): Promise<Sample> {
	const t0 = Date.now();
	await page.goto(`${app.url.origin}/`, { waitUntil: 'commit', timeout: TIMEOUT });
	const at = await waitReady(page);
	if ((await page.getByTestId('kpis').count()) !== 1) throw new Error('the Overview shows no KPIs');
	return { drawn: at.drawn - t0, ready: at.ready - t0 };
}

/** Opens Defects without filters, then ticks `model` in the filter bar (typing it first, as a user would). */
async function timeFilter(page: Page, app: RunningApp, model: string): Promise<Sample> {
	await page.goto(`${app.url.origin}/defects`, { timeout: TIMEOUT });
	await waitReady(page);
	const select = page.getByTestId('filter-model');
	await select.getByTestId('filter-model-toggle').click();
	await select.getByTestId('filter-model-search').fill(model);
	const option = select.locator(`[data-testid="filter-option"][data-value="${model}"]`);
	await option.waitFor({ timeout: TIMEOUT });
	await markCharts(page);
	const t0 = Date.now();
	await option.check();
	const at = await waitReady(page, { model });
	await page.keyboard.press('Escape');
	return { drawn: at.drawn - t0, ready: at.ready - t0 };
}

/** The month's last day. */
const monthEnd = (month: string) => {
	const [y, m] = month.split('-').map(Number);
	return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/** Defects for one month, a click on its one monthly bar, until the records table shows rows. */
async function timeDrill(page: Page, app: RunningApp, month: string): Promise<Sample & { figure: number }> {
	await page.goto(`${app.url.origin}/defects?from=${month}-01&to=${monthEnd(month)}`, { timeout: TIMEOUT });
	await waitReady(page);
	const chart = page.getByTestId('chart-monthly');
	await chart.scrollIntoViewIfNeeded();
	const box = await chart.boundingBox();
	if (!box) throw new Error('chart-monthly has no box');
	const t0 = Date.now();
	await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.55);
	const drawn = (await (
		await page.waitForFunction(() => document.querySelector('[data-testid="drill"]') && Date.now(), null, {
			timeout: TIMEOUT,
			polling: 'raf'
		})
	).jsonValue()) as number;
	const row = page.getByTestId('drill-row').first();
	await row.waitFor({ state: 'visible', timeout: TIMEOUT });
	const ready = (await row.evaluate(() => performance.timeOrigin + performance.now())) as number;
	const figure = Number(await page.getByTestId('drill-figure').getAttribute('data-value'));
	return { drawn: drawn - t0, ready: ready - t0, figure };
}

interface UiResult {
	runs: number;
	warm: number;
	samples: Record<Scenario, Samples>;
	figures: number[];
	requests: { overview: Request[]; filter: Request[] };
	otherCpu: number | null;
	serverStartMs: Stats;
}

/** A copy of the 5M data with the bench user, which signs in with a password (a browser has no token). */
async function prepareData(): Promise<{ dir: string; database: string }> {
	const source = (await metricsData()).path;
	const dir = mkdtempSync(join(tmpdir(), 'bench-ui-'));
	const database = join(dir, 'ui.duckdb');
	copyFileSync(source, database);
	const db = await Database.open(database);
	try {
		await addUser(
			db,
			{ ...USER, role: 'analyst', scope: { regions: [], models: [] } },
			{ name: 'bench', origin: 'bench' }
		);
	} finally {
		db.close();
	}
	return { dir, database };
}

async function measure(browser: Browser, database: string): Promise<UiResult> {
	const runs = envInt('BENCH_UI_RUNS', MODELS.length, 1);
	const warm = envInt('BENCH_UI_WARM', 3, 1);
	const empty = (): Samples => ({ cold: [], warm: [] });
	const samples: Record<Scenario, Samples> = { overview: empty(), filter: empty(), drill: empty() };
	const figures: number[] = [];
	const requests: UiResult['requests'] = { overview: [], filter: [] };
	const starts: number[] = [];
	const others: number[] = [];
	for (let run = 0; run < runs; run++) {
		const started = performance.now();
		const app = await startApp(database);
		starts.push(performance.now() - started);
		// Per run: the server's CPU counts as ours only while it runs.
		const otherCpu = otherCpuMeter(app.pid, () => descendantPids(process.pid));
		const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
		try {
			const page = await context.newPage();
			const seen = recordRequests(page);
			await signIn(page, app);
			const model = MODELS[run % MODELS.length];
			const month = DRILL_MONTHS[run % DRILL_MONTHS.length];
			process.stderr.write(`  run ${run + 1}/${runs}: overview, filter ${model}, drill ${month} …\n`);
			seen.take();
			samples.overview.cold.push(await timeOverview(page, app));
			if (run === 0) requests.overview = seen.take();
			samples.filter.cold.push(await timeFilter(page, app, model));
			if (run === 0) requests.filter = seen.take().filter((r) => r.path.includes('model='));
			const drill = await timeDrill(page, app, month);
			samples.drill.cold.push(drill);
			figures.push(drill.figure);
			for (let i = 0; i < warm; i++) {
				samples.overview.warm.push(await timeOverview(page, app));
				samples.filter.warm.push(await timeFilter(page, app, model));
				samples.drill.warm.push(await timeDrill(page, app, month));
			}
			const other = otherCpu();
			if (other !== null) others.push(other);
		} finally {
			await context.close();
			await app.stop();
		}
	}
	return {
		runs,
		warm,
		samples,
		figures,
		requests,
		otherCpu: others.length ? others.reduce((a, b) => a + b, 0) / others.length : null,
		serverStartMs: stats(starts)
	};
}

const ms = (v: number) => v.toFixed(0);

function report(r: UiResult): { markdown: string; checks: Check[] } {
	const LABELS: Record<Scenario, string> = {
		overview: 'Overview, navigation → all charts ready',
		filter: 'Defects, model ticked → all charts ready',
		drill: `Drill-down of ~100k repairs → first rows visible`
	};
	const checks: Check[] = (['overview', 'filter', 'drill'] as const).flatMap((s) =>
		(['cold', 'warm'] as const).map((when) => {
			const p95 = stats(r.samples[s][when].map((x) => x.ready)).p95;
			return {
				name: `UI ${s} (${when}) p95`,
				value: `${ms(p95)} ms`,
				target: `< ${GOALS[s]} ms`,
				pass: p95 < GOALS[s]
			};
		})
	);
	const row = (s: Scenario, when: 'cold' | 'warm') => {
		const ready = stats(r.samples[s][when].map((x) => x.ready));
		const drawn = stats(r.samples[s][when].map((x) => x.drawn));
		return `| ${LABELS[s]} | ${when} | ${ready.n} | ${ms(ready.p50)} | ${ms(ready.p95)} | ${ms(ready.max)} | ${ms(drawn.p50)} | < ${GOALS[s]} |`;
	};
	const requestRows = (list: Request[]) =>
		[...list]
			.sort((a, b) => b.ms - a.ms)
			.map(
				(q) =>
					`| \`${q.path.length > 90 ? `${q.path.slice(0, 87)}…` : q.path}\` | ${ms(q.ms)} | ${(q.bytes / 1024).toFixed(0)} |`
			);
	const lines = [
		`Chromium (headless, ${CHROMIUM_ARGS.join(' ')}) on the 5M-repair data, 1400×1000 viewport; ` +
			`${r.runs} server starts (cold: the first request of its kind after a start), ${r.warm} warm repeats each; ` +
			`drill-down figures ${r.figures.map((f) => f.toLocaleString('en')).join(', ')}; ` +
			`server start ${ms(r.serverStartMs.p50)} ms (median)` +
			(r.otherCpu === null
				? '.'
				: `; other processes used ${(r.otherCpu * 100).toFixed(0)} % of the CPU meanwhile.`),
		'',
		'"ready": every chart drawn with the new data and its animation over (`data-ready`), no card loading, ' +
			'the page hydrated; "data in": the same without waiting for the charts (for the drill-down: the records panel open).',
		'',
		'| Scenario | | n | ready p50 ms | p95 ms | max ms | data in p50 ms | target ms |',
		'| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
		...(['overview', 'filter', 'drill'] as const).flatMap((s) => [row(s, 'cold'), row(s, 'warm')]),
		'',
		'| Goal | Value | Target | Result |',
		'| --- | ---: | --- | --- |',
		...checks.map((c) => `| ${c.name} | ${c.value} | ${c.target} | ${c.pass ? 'PASS' : 'FAIL'} |`),
		'',
		'Requests of the first cold Overview (time to last byte as Chromium saw it):',
		'',
		'| Request | ms | KiB |',
		'| --- | ---: | ---: |',
		...requestRows(r.requests.overview),
		'',
		'Requests of the first cold filter change:',
		'',
		'| Request | ms | KiB |',
		'| --- | ---: | ---: |',
		...requestRows(r.requests.filter)
	];
	return { markdown: lines.join('\n'), checks };
}

export async function runUiBench() {
	const { stale } = ensureBuild();
	if (stale.length) process.stderr.write(`  note: build/ is older than ${stale.join(', ')}\n`);
	const { dir, database } = await prepareData();
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		headless: true,
		args: CHROMIUM_ARGS
	});
	try {
		return { name: 'ui', ...report(await measure(browser, database)) };
	} finally {
		await browser.close();
		rmSync(dir, { recursive: true, force: true });
	}
}
