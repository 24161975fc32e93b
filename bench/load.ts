/**
 * Load benchmark (issue 14 "Load, memory"): 50 virtual users for 60 s against the built app on
 * loopback, each looping over the analytics pages (overview, defects, cost, returns, complaints,
 * satisfaction, warranty) with varying months and filters and `/api/metrics/<id>` calls, over
 * keep-alive connections. Goals: zero errors, metric API p95 < 150 ms, page p95 < 500 ms, server
 * peak RSS (VmHWM) < 1 GB.
 *
 *   npx tsx bench/run.ts load        (the demo data, data/samples)
 *   npx tsx bench/run.ts load-5m     (the 5M-repair data of bench/metrics-data.ts; generated on first use)
 *
 * A user looks at what came back before the next click: before its first request and between requests
 * each one pauses for a random think time, uniform in 0 … 2 × BENCH_LOAD_THINK_MS (mean 2 s), so the
 * users arrive over the first 4 s rather than all in the same millisecond. BENCH_LOAD_THINK_MS=0 makes
 * every user fire its next request as soon as the last one answered (50 connections flat out, as
 * autocannon would): the server's saturation, which no think-time-free goal on 2 cores can meet.
 * Pages are opened on their default view (no query string: the latest month, all data) two times
 * in five, as users arriving on a dashboard do; otherwise with a month of the last twelve, a span of
 * 1, 3 or 12 months and sometimes a model or region filter.
 *
 * Environment: BENCH_LOAD_USERS (default 50), BENCH_LOAD_SECONDS (default 60), BENCH_LOAD_THINK_MS
 * (default 2000), BENCH_LOAD_SEED; BENCH_SERVER_NODE_ARGS (flags for the server's node, e.g.
 * `--cpu-prof --cpu-prof-dir=/tmp/prof`).
 *
 * Over 300 lines: the users' request mix, the run and the report share one set of measurements;
 * split, they would pass those around without making any part clearer.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../src/lib/server/db/connection';
import { importDemoData } from '../tests/helpers/demo-data';
import { mulberry32 } from '../tests/helpers/random';
import { benchAuthorization, ensureBuild, get, startApp, type RunningApp } from './app';
import { cachedFile, envInt, otherCpuMeter, processCpuMs, ROOT, stats, type Stats } from './common';
import type { Check } from './import';
import { metricsData } from './metrics-data';

const GOALS = { metricP95: 150, pageP95: 500, rssBytes: 2 ** 30 } as const;
const PAGES = ['/', '/defects', '/cost', '/returns', '/complaints', '/satisfaction', '/warranty'];
/** Page views that open a page as its link does, without a query string. */
const DEFAULT_VIEW_SHARE = 0.4;
const DEMO_DATA = join(ROOT, 'bench', 'data', 'load-demo.duckdb');
/** Bump when the demo data set changes, so that the cached file is made again. */
const DEMO_VERSION = 1;

/** The virtual users sign in as the bench admin, with the API token startApp made for it. */
export async function authenticate(app: RunningApp): Promise<Record<string, string>> {
	void app;
	return benchAuthorization();
}

interface Listing {
	id: string;
	filters: string[];
	dimensions: string[];
}

/** What the virtual users choose from: months with data, filter values, metrics. */
interface Menu {
	months: string[];
	models: string[];
	regions: string[];
	metrics: Listing[];
}

const lastDay = (month: string) => {
	const [y, m] = month.split('-').map(Number);
	return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};
const monthMinus = (month: string, n: number) => {
	const [y, m] = month.split('-').map(Number);
	const d = new Date(Date.UTC(y, m - 1 - n, 1));
	return d.toISOString().slice(0, 7);
};

async function json<T>(
	agent: Agent,
	app: RunningApp,
	path: string,
	headers: Record<string, string>
): Promise<T> {
	const res = await get(agent, app.url, path, headers);
	if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${res.body.toString().slice(0, 200)}`);
	return JSON.parse(res.body.toString()) as T;
}

async function menu(agent: Agent, app: RunningApp, headers: Record<string, string>): Promise<Menu> {
	const { metrics } = await json<{ metrics: Listing[] }>(agent, app, '/api/metrics', headers);
	const keys = async (by: string) =>
		(
			await json<{ rows: { key: string | null }[] }>(
				agent,
				app,
				`/api/metrics/defects.pareto?by=${by}`,
				headers
			)
		).rows
			.map((r) => r.key)
			.filter((k): k is string => !!k);
	const monthly = await json<{ rows: { month: string }[] }>(
		agent,
		app,
		'/api/metrics/defects.monthly',
		headers
	);
	const all = monthly.rows.map((r) => String(r.month).slice(0, 7)).sort();
	// The last twelve complete months with data: what users look at.
	return {
		months: all.slice(-13, -1),
		models: (await keys('product_model')).slice(0, 6),
		regions: (await keys('region')).slice(0, 5),
		metrics
	};
}

/** One request of a virtual user: a page (with its filters) or a metric call. */
function nextRequest(menu: Menu, rnd: () => number): { kind: 'page' | 'metric'; path: string } {
	const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)];
	const month = pick(menu.months);
	const span = pick([1, 3, 12]);
	const search = new URLSearchParams();
	const filter = rnd();
	if (rnd() < 0.5) {
		const page = pick(PAGES);
		if (rnd() < DEFAULT_VIEW_SHARE) return { kind: 'page', path: page };
		if (page === '/') search.set('month', month);
		else {
			search.set('from', `${monthMinus(month, span - 1)}-01`);
			search.set('to', lastDay(month));
		}
		if (filter < 0.25) search.set('model', pick(menu.models));
		else if (filter < 0.4) search.set('region', pick(menu.regions));
		const q = search.toString();
		return { kind: 'page', path: q ? `${page}?${q}` : page };
	}
	const metric = pick(menu.metrics);
	search.set('from', `${monthMinus(month, span - 1)}-01`);
	search.set('to', lastDay(month));
	if (filter < 0.25 && metric.filters.includes('model')) search.set('model', pick(menu.models));
	else if (filter < 0.4 && metric.filters.includes('region')) search.set('region', pick(menu.regions));
	if (metric.dimensions.length > 1 && rnd() < 0.3) search.set('by', pick(metric.dimensions));
	return { kind: 'metric', path: `/api/metrics/${metric.id}?${search}` };
}

/** The server's peak and current resident memory (VmHWM, VmRSS), in bytes; null when unreadable. */
function memory(pid: number | undefined): { hwm: number; rss: number } | null {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
		return { hwm: kib('VmHWM') * 1024, rss: kib('VmRSS') * 1024 };
	} catch {
		return null;
	}
}

interface LoadResult {
	requests: number;
	errors: { path: string; detail: string }[];
	page: Stats;
	metric: Stats;
	byPage: Record<string, Stats>;
	byMetric: Record<string, Stats>;
	peakRss: number | null;
	rssAtStart: number | null;
	seconds: number;
	thinkMs: number;
	otherCpu: number | null;
	/** The server's CPU time (all its threads, DuckDB's included) per request. */
	serverCpuMsPerRequest: number;
}

async function drive(app: RunningApp): Promise<LoadResult> {
	const users = envInt('BENCH_LOAD_USERS', 50, 1);
	const seconds = envInt('BENCH_LOAD_SECONDS', 60, 1);
	const seed = envInt('BENCH_LOAD_SEED', 14);
	const think = envInt('BENCH_LOAD_THINK_MS', 2000);
	const agent = new Agent({ keepAlive: true, maxSockets: users });
	const headers = await authenticate(app);
	try {
		const choices = await menu(agent, app, headers);
		const rssAtStart = memory(app.pid)?.rss ?? null;
		const times = { page: [] as number[], metric: [] as number[] };
		const byPath = { page: new Map<string, number[]>(), metric: new Map<string, number[]>() };
		const errors: LoadResult['errors'] = [];
		const otherCpu = otherCpuMeter(app.pid);
		const serverCpu0 = processCpuMs(app.pid);
		const started = performance.now();
		const end = started + seconds * 1000;
		const user = async (n: number) => {
			const rnd = mulberry32(seed * 1000 + n);
			// Users arrive as they would: each after a think time of its own, not all in one millisecond.
			if (think) await new Promise((r) => setTimeout(r, rnd() * 2 * think));
			while (performance.now() < end) {
				const { kind, path } = nextRequest(choices, rnd);
				try {
					const res = await get(agent, app.url, path, headers);
					if (res.status !== 200)
						errors.push({ path, detail: `${res.status} ${res.body.toString().slice(0, 120)}` });
					times[kind].push(res.ms);
					const key = path.split('?')[0];
					const list = byPath[kind].get(key) ?? [];
					byPath[kind].set(key, list);
					list.push(res.ms);
				} catch (e) {
					errors.push({ path, detail: String(e) });
				}
				if (think) await new Promise((r) => setTimeout(r, rnd() * 2 * think));
			}
		};
		await Promise.all(Array.from({ length: users }, (_, n) => user(n)));
		const requests = times.page.length + times.metric.length;
		return {
			requests,
			serverCpuMsPerRequest: (processCpuMs(app.pid) - serverCpu0) / Math.max(1, requests),
			errors,
			page: stats(times.page),
			metric: stats(times.metric),
			byPage: Object.fromEntries([...byPath.page].map(([p, ms]) => [p, stats(ms)])),
			byMetric: Object.fromEntries([...byPath.metric].map(([p, ms]) => [p, stats(ms)])),
			peakRss: memory(app.pid)?.hwm ?? null,
			rssAtStart,
			seconds: (performance.now() - started) / 1000,
			thinkMs: think,
			otherCpu: otherCpu()
		};
	} finally {
		agent.destroy();
	}
}

/** The demo data set (data/samples) in a database file of its own, made once. */
async function demoData(): Promise<string> {
	await cachedFile(DEMO_DATA, DEMO_VERSION, async (tmp) => {
		const db = await Database.open(tmp);
		try {
			await importDemoData(db);
		} finally {
			db.close();
		}
		return {};
	});
	return DEMO_DATA;
}

const ms = (v: number) => (v < 100 ? v.toFixed(1) : v.toFixed(0));
const mib = (b: number | null) => (b === null ? 'n/a' : `${(b / 2 ** 20).toFixed(0)} MiB`);

function report(label: string, r: LoadResult): { markdown: string; checks: Check[] } {
	const checks: Check[] = [
		{ name: `${label}: errors`, value: String(r.errors.length), target: '0', pass: r.errors.length === 0 },
		{
			name: `${label}: metric API p95`,
			value: `${ms(r.metric.p95)} ms`,
			target: `< ${GOALS.metricP95} ms`,
			pass: r.metric.p95 < GOALS.metricP95
		},
		{
			name: `${label}: page p95`,
			value: `${ms(r.page.p95)} ms`,
			target: `< ${GOALS.pageP95} ms`,
			pass: r.page.p95 < GOALS.pageP95
		},
		{
			name: `${label}: server peak RSS`,
			value: mib(r.peakRss),
			target: '< 1 GiB',
			pass: r.peakRss === null ? null : r.peakRss < GOALS.rssBytes
		}
	];
	const users = envInt('BENCH_LOAD_USERS', 50, 1);
	const row = (name: string, s: Stats) =>
		`| ${name} | ${s.n} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} |`;
	const lines = [
		`${users} virtual users for ${r.seconds.toFixed(0)} s on ${label}, ` +
			(r.thinkMs
				? `think time ${r.thinkMs / 1000} s on average (also before a user's first request): `
				: 'no think time: ') +
			`${r.requests} requests ` +
			`(${(r.requests / r.seconds).toFixed(0)}/s), ${r.errors.length} errors; server RSS ${mib(r.rssAtStart)} ` +
			`before the load, peak (VmHWM) ${mib(r.peakRss)}` +
			`; the server used ${r.serverCpuMsPerRequest.toFixed(0)} ms of CPU per request` +
			(r.otherCpu === null ? '.' : `; other processes used ${(r.otherCpu * 100).toFixed(0)} % of the CPU.`),
		'',
		'| Requests | n | p50 ms | p95 ms | p99 ms | max ms |',
		'| --- | ---: | ---: | ---: | ---: | ---: |',
		row('metric API', r.metric),
		row('pages', r.page),
		...Object.entries(r.byPage)
			.sort(([a], [b]) => PAGES.indexOf(a) - PAGES.indexOf(b))
			.map(([p, s]) => row(`page \`${p}\``, s)),
		'',
		'Metric API calls per metric, the slowest (p95) first:',
		'',
		'| Metric | n | p50 ms | p95 ms | p99 ms | max ms |',
		'| --- | ---: | ---: | ---: | ---: | ---: |',
		...Object.entries(r.byMetric)
			.sort(([, a], [, b]) => b.p95 - a.p95)
			.map(([p, s]) => row(`\`${p.replace('/api/metrics/', '')}\``, s)),
		'',
		'| Goal | Value | Target | Result |',
		'| --- | ---: | --- | --- |',
		...checks.map(
			(c) => `| ${c.name} | ${c.value} | ${c.target} | ${c.pass === null ? '–' : c.pass ? 'PASS' : 'FAIL'} |`
		),
		...(r.errors.length
			? ['', 'First errors:', '', ...r.errors.slice(0, 10).map((e) => `- \`${e.path}\`: ${e.detail}`)]
			: [])
	];
	return { markdown: lines.join('\n'), checks };
}

async function loadBench(name: string, label: string, source: string) {
	const { stale } = ensureBuild();
	if (stale.length) process.stderr.write(`  note: build/ is older than ${stale.join(', ')}\n`);
	// The server runs on a copy: its start-up may write (migrations, clean-up), the cached file stays as made.
	const dir = mkdtempSync(join(tmpdir(), 'bench-load-'));
	copyFileSync(source, join(dir, 'load.duckdb'));
	const app = await startApp(join(dir, 'load.duckdb'));
	try {
		process.stderr.write(`  ${label}: load …\n`);
		return { name, ...report(label, await drive(app)) };
	} finally {
		await app.stop();
		rmSync(dir, { recursive: true, force: true });
	}
}

export const runLoadBench = async () => loadBench('load', 'demo data', await demoData());
export const runLoad5mBench = async () => loadBench('load-5m', '5M repairs', (await metricsData()).path);
