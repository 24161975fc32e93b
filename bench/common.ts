/**
 * What the benchmarks share: where the repository is, their settings, their generated data files and
 * the machine's CPU time.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');

/** A whole-number setting from the environment; unset, empty or below `min`: the fallback. */
export function envInt(name: string, fallback: number, min = 0): number {
	const text = process.env[name];
	const value = Number(text);
	return text && Number.isFinite(value) && value >= min ? Math.trunc(value) : fallback;
}

/** Busy CPU time of the whole machine so far (Linux /proc/stat), or null elsewhere. */
export function machineBusyMs(): number | null {
	try {
		const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
		const [user, nice, system, , , irq, softirq, steal] = fields;
		// USER_HZ is 100 on every Linux the workbench targets.
		return (user + nice + system + irq + softirq + (steal ?? 0)) * 10;
	} catch {
		return null;
	}
}

/**
 * A generated data file, made again only when it is missing, was made by another generator version or
 * is no longer `fresh`. `make` writes it under a temporary name and returns what the meta file beside
 * it keeps (with the version); the caller gets that back, and how long generating took (null: cached).
 */
export async function cachedFile<M extends Record<string, unknown>>(
	path: string,
	version: number,
	make: (tmpPath: string) => Promise<M>,
	fresh: (saved: M) => boolean = () => true
): Promise<{ meta: M; generatedMs: number | null }> {
	const metaPath = `${path}.meta.json`;
	if (existsSync(path) && existsSync(metaPath)) {
		const saved = JSON.parse(readFileSync(metaPath, 'utf8')) as M & { version: number };
		if (saved.version === version && fresh(saved)) return { meta: saved, generatedMs: null };
	}
	const tmp = `${path}.partial`;
	const started = performance.now();
	process.stderr.write(`  generating ${basename(path)} … `);
	const meta = await make(tmp);
	renameSync(tmp, path);
	const generatedMs = performance.now() - started;
	writeFileSync(metaPath, JSON.stringify({ ...meta, version }));
	process.stderr.write(`${(generatedMs / 1000).toFixed(1)} s\n`);
	return { meta, generatedMs };
}
