import { statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CliError } from './output';

const isFolder = (path: string) => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;

/**
 * The file --out names, resolved and checked before any work is done: a report is archived when it is
 * generated, so a path that cannot be written is refused first, not after.
 */
export function outPath(out: string): string {
	const path = resolve(out);
	if (isFolder(path)) throw new CliError('system.cli.outIsFolder', { path }, 1);
	const folder = dirname(path);
	if (!isFolder(folder)) throw new CliError('system.cli.outNoFolder', { path, folder }, 1);
	return path;
}

/** Writes the bytes to `path`; a failure (permissions, a full disk) is one line naming the file. */
export function writeOut(path: string, bytes: Uint8Array): void {
	try {
		writeFileSync(path, bytes);
	} catch (error) {
		throw new CliError('system.cli.cannotWrite', { path, reason: (error as Error).message }, 1);
	}
}
