#!/usr/bin/env node
// Runs the TypeScript CLI in place (same modules as the web app) through tsx's loader.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The $lib alias lives in .svelte-kit/tsconfig.json, which `npm ci` writes through its prepare script;
// an install without scripts or a fresh checkout lacks it, and tsx would fail with a stack trace.
if (!existsSync(join(root, '.svelte-kit/tsconfig.json'))) {
	const sync = spawnSync(process.execPath, [join(root, 'node_modules/@sveltejs/kit/svelte-kit.js'), 'sync'], {
		cwd: root,
		stdio: 'ignore'
	});
	if (sync.status !== 0) {
		// Before the CLI's modules (and its i18n) can load: said in both languages here.
		process.stderr.write(
			`workbench: 无法生成 .svelte-kit/tsconfig.json，请在 ${root} 运行 npm ci / ` +
				`cannot write .svelte-kit/tsconfig.json: run npm ci in ${root}\n`
		);
		process.exit(1);
	}
}
const { register } = await import('tsx/esm/api');
register({ tsconfig: join(root, 'tsconfig.json') });
const { main } = await import(join(root, 'src/cli/main.ts'));
process.exitCode = await main(process.argv.slice(2));
