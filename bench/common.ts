/**
 * What the benchmarks share: where the repository is, their settings, their generated data files,
 * percentiles, and the CPU time of the machine and of other processes.
 */
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
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

export interface Stats {
	n: number;
	p50: number;
	p95: number;
	p99: number;
	min: number;
	max: number;
	mean: number;
}

/** Nearest-rank percentiles. */
export function stats(samples: number[]): Stats {
	const s = [...samples].sort((a, b) => a - b);
	const rank = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
	return {
		n: s.length,
		p50: rank(0.5),
		p95: rank(0.95),
		p99: rank(0.99),
		min: s[0],
		max: s[s.length - 1],
		mean: s.reduce((a, b) => a + b, 0) / s.length
	};
}

/** CPU time of another process (utime + stime), or 0 when it cannot be read. */
export function processCpuMs(pid: number | undefined): number {
	if (!pid) return 0;
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return (Number(fields[11]) + Number(fields[12])) * 10;
	} catch {
		return 0;
	}
}

const ownCpuMs = () => {
	const u = process.cpuUsage();
	return (u.user + u.system) / 1000;
};

/** The processes started by `pid`, their children and so on (Linux /proc), e.g. a browser's. */
export function descendantPids(pid: number): number[] {
	const children = new Map<number, number[]>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
		} catch {
			/* exited meanwhile */
		}
	}
	const found: number[] = [];
	for (let queue = [pid]; queue.length;) {
		const next = children.get(queue.pop()!) ?? [];
		found.push(...next);
		queue.push(...next);
	}
	return found;
}

/**
 * Measures the share of the machine's CPU that processes other than ours used: this one, the server
 * and the processes `more` names when asked (e.g. a browser's, which come and go).
 */
export function otherCpuMeter(serverPid?: number, more: () => number[] = () => []): () => number | null {
	const tree = () =>
		new Map([serverPid, ...more()].filter((p) => p !== undefined).map((p) => [p, processCpuMs(p)]));
	const busy0 = machineBusyMs();
	const own0 = ownCpuMs();
	const tree0 = tree();
	const t0 = performance.now();
	return () => {
		const busy1 = machineBusyMs();
		if (busy0 === null || busy1 === null) return null;
		let own = ownCpuMs() - own0;
		for (const [pid, ms] of tree()) own += ms - (tree0.get(pid) ?? 0);
		const capacity = (performance.now() - t0) * cpus().length;
		return capacity > 0 ? Math.max(0, (busy1 - busy0 - own) / capacity) : null;
	};
}
