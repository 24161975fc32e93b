import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Work folders of imports and previews (the file transcoded to UTF-8, a workbook converted to CSV):
 * `<os temp>/workbench-<use>-<pid>-XXXXXX`. The pid in the name tells the folder of a process that
 * was killed mid-import (its pid gone) from one of a process still working.
 */
const WORK_DIR = /^workbench-(?:import|preview)-(\d+)-/;

export function makeWorkDir(use: 'import' | 'preview'): Promise<string> {
	return mkdtemp(join(tmpdir(), `workbench-${use}-${process.pid}-`));
}

function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: the process exists but belongs to someone else.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Removes the work folders of processes that no longer run; never this process's own. Returns the
 * paths removed.
 */
export async function removeOrphanWorkDirs(root = tmpdir()): Promise<string[]> {
	const removed: string[] = [];
	for (const entry of await readdir(root).catch(() => [])) {
		const pid = Number(WORK_DIR.exec(entry)?.[1]);
		if (!pid || pid === process.pid || isRunning(pid)) continue;
		await rm(join(root, entry), { recursive: true, force: true });
		removed.push(join(root, entry));
	}
	return removed;
}
