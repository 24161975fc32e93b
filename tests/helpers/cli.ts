import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

export interface CliResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

/**
 * Runs `workbench ARGS` as a user would, from the repository root, with `env` added to the environment;
 * `bin` is the script run (another copy of it, say).
 */
export function runWorkbench(
	args: string[],
	env: Record<string, string>,
	bin = join(ROOT, 'bin/workbench.js')
): CliResult {
	const r = spawnSync(process.execPath, [bin, ...args], {
		cwd: ROOT,
		env: { ...process.env, ...env },
		encoding: 'utf8'
	});
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export interface CliWorkbench {
	/** The temp folder holding the database (`cli.duckdb`), the reports and the evidence. */
	readonly dir: string;
	/** Its database file. */
	readonly db: string;
	/** `workbench ARGS` on this workbench. */
	run(args: string[]): CliResult;
}

/**
 * A workbench of its own for the CLI tests of a file: a temp folder made before the file's tests (and
 * before the `beforeAll` hooks registered after this call) and removed after them, with the database,
 * the reports and the evidence inside it, so nothing is written to the repository's data folder.
 */
export function useCliWorkbench(): CliWorkbench {
	let dir: string | undefined;
	const folder = () => {
		if (!dir) throw new Error('the CLI workbench exists only while its file runs');
		return dir;
	};
	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'workbench-cli-'));
	});
	afterAll(() => {
		if (dir) rmSync(dir, { recursive: true, force: true });
	});
	return {
		get dir() {
			return folder();
		},
		get db() {
			return join(folder(), 'cli.duckdb');
		},
		run: (args) =>
			runWorkbench(args, {
				WORKBENCH_DB: join(folder(), 'cli.duckdb'),
				WORKBENCH_REPORTS: join(folder(), 'reports'),
				WORKBENCH_EVIDENCE: join(folder(), 'evidence')
			})
	};
}
