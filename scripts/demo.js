// `npm run demo`: build the app if needed, load the sample data set, start the workbench.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const run = (cmd, args, env = {}) => {
	const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
	if (r.status !== 0) process.exit(r.status ?? 1);
};

function newestMtime(dir) {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
		if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
	}
	return newest;
}

const built = join(root, 'build/index.js');
if (!existsSync(built) || statSync(built).mtimeMs < newestMtime(join(root, 'src')))
	run('npx', ['vite', 'build']);
// Its output is passed on and kept: its last line names the demo admin's new password.
const demo = spawnSync('node', ['bin/workbench.js', 'demo'], {
	cwd: root,
	stdio: ['inherit', 'pipe', 'inherit'],
	encoding: 'utf8'
});
process.stdout.write(demo.stdout ?? '');
if (demo.status !== 0) process.exit(demo.status ?? 1);
const login = /^Sign in as (\S+), password (\S+)$/m.exec(demo.stdout);

const port = process.env.PORT ?? '3000';
const host = process.env.HOST ?? '127.0.0.1';
console.log(`\nService Quality Workbench / 售后服务质量工作台: http://${host}:${port}/`);
if (login) console.log(`  user / 用户名: ${login[1]}   password / 密码: ${login[2]}\n`);
const server = spawn('node', ['build/index.js'], {
	cwd: root,
	stdio: 'inherit',
	env: {
		BODY_SIZE_LIMIT: 'Infinity',
		ORIGIN: `http://${host}:${port}`,
		...process.env,
		PORT: port,
		HOST: host
	}
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
