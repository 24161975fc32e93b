/**
 * Running the built app for the benchmarks: a private copy of build/, a free port on loopback, and
 * GET over keep-alive connections timed to the last byte.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './common';

export interface HttpResult {
	status: number;
	body: Buffer;
	ms: number;
}

/**
 * The bench user's `Authorization` header, set by startApp: every route needs a signed-in user, and
 * the benchmarks' many GET calls all act as that one admin.
 */
let authorization: Record<string, string> = {};
export const benchAuthorization = (): Record<string, string> => authorization;

/**
 * A user `bench` (admin) in the database and a new API token for it, through the CLI before the server
 * holds the file; the token is what benchmark requests sign in with.
 */
export function benchToken(database: string): string {
	const cli = (args: string[]) =>
		spawnSync(process.execPath, [join(ROOT, 'bin/workbench.js'), 'user', ...args, '--json'], {
			cwd: ROOT,
			env: { ...process.env, WORKBENCH_DB: database },
			encoding: 'utf8'
		});
	cli(['add', 'bench', '--role', 'admin']); // refused when it exists already, which is fine
	const made = cli(['token', 'add', 'bench', '--label', `bench ${new Date().toISOString()}`]);
	if (made.status !== 0) throw new Error(`workbench user token add failed:\n${made.stderr}`);
	return (JSON.parse(made.stdout) as { token: string }).token;
}

/**
 * One GET over a keep-alive connection; the time is from the call until the last byte of the body.
 * A GET on a kept connection that the server closed as idle just before is sent again on a new one,
 * as browsers do (the Node.js http documentation's `reusedSocket` advice); nothing else is retried.
 */
export function get(
	agent: Agent,
	base: URL,
	path: string,
	headers: Record<string, string> = authorization,
	started = performance.now()
): Promise<HttpResult> {
	return new Promise((done, fail) => {
		const options = { host: base.hostname, port: base.port, path, method: 'GET', agent, headers };
		const req = request(options, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () =>
				done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), ms: performance.now() - started })
			);
			res.on('error', fail);
		});
		req.on('error', (error: NodeJS.ErrnoException) => {
			if (req.reusedSocket && error.code === 'ECONNRESET')
				get(agent, base, path, headers, started).then(done, fail);
			else fail(error);
		});
		req.end();
	});
}

async function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))
			);
		});
	});
}

export interface RunningApp {
	url: URL;
	pid: number | undefined;
	stop: () => Promise<void>;
}

/** Where the app build is copied before it runs (see snapshotBuild). */
const APP_COPY = join(ROOT, 'bench', 'data', 'app-build');

export function ensureBuild(): { builtAt: Date; stale: string[] } {
	const entry = join(ROOT, 'build', 'index.js');
	if (!existsSync(entry)) {
		process.stderr.write('  build/ is missing: npm run build …\n');
		const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
		if (result.status !== 0) throw new Error('npm run build failed');
	}
	const builtAt = statSync(entry).mtime;
	const dir = join(ROOT, 'src', 'lib', 'server', 'metrics');
	const stale = spawnSync('find', [dir, '-name', '*.ts', '-newer', entry], { encoding: 'utf8' })
		.stdout.split('\n')
		.filter(Boolean)
		.map((p) => p.slice(ROOT.length + 1));
	return { builtAt, stale };
}

/**
 * A private copy of build/ (inside the repository, so that the app still resolves node_modules and
 * package.json): the server loads its route chunks lazily, so a rebuild of build/ by someone else
 * while the benchmark runs would otherwise break it half-way.
 */
function snapshotBuild(): string {
	rmSync(APP_COPY, { recursive: true, force: true });
	cpSync(join(ROOT, 'build'), APP_COPY, { recursive: true });
	return join(APP_COPY, 'index.js');
}

export async function startApp(database: string): Promise<RunningApp> {
	authorization = { authorization: `Bearer ${benchToken(database)}` };
	const uploads = mkdtempSync(join(tmpdir(), 'workbench-bench-uploads-'));
	const port = await freePort();
	const url = new URL(`http://127.0.0.1:${port}`);
	// BENCH_SERVER_NODE_ARGS: flags for the server's node, e.g. --cpu-prof to see where its time goes.
	const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
	const child: ChildProcess = spawn(process.execPath, [...nodeArgs, snapshotBuild()], {
		cwd: ROOT,
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: url.origin,
			BODY_SIZE_LIMIT: 'Infinity',
			WORKBENCH_DB: database,
			WORKBENCH_UPLOADS: uploads
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout?.on('data', (d) => (output += d));
	child.stderr?.on('data', (d) => (output += d));
	const agent = new Agent({ keepAlive: false });
	const deadline = Date.now() + 60_000;
	for (;;) {
		try {
			if ((await get(agent, url, '/api/metrics')).status === 200) break;
		} catch {
			/* not listening yet */
		}
		if (child.exitCode !== null || Date.now() > deadline) {
			child.kill('SIGTERM');
			throw new Error(`the app did not start:\n${output}`);
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	agent.destroy();
	return {
		url,
		pid: child.pid,
		stop: async () => {
			if (child.exitCode === null) {
				child.kill('SIGTERM');
				await new Promise((r) => child.once('exit', r));
			}
			rmSync(uploads, { recursive: true, force: true });
			rmSync(APP_COPY, { recursive: true, force: true });
		}
	};
}
