import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');

/** Runs `workbench ARGS` as a user would, from the repository root, with `env` added to the environment. */
export function runWorkbench(
	args: string[],
	env: Record<string, string>
): { code: number | null; stdout: string; stderr: string } {
	const r = spawnSync(process.execPath, [join(ROOT, 'bin/workbench.js'), ...args], {
		cwd: ROOT,
		env: { ...process.env, ...env },
		encoding: 'utf8'
	});
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
