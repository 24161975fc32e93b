import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Modules under src and the modules each imports at run time (`import type` is erased, so it is left out). */
function importGraph(root: string): Map<string, string[]> {
	const files = (readdirSync(join(root, 'src'), { recursive: true }) as string[])
		.map((f) => join('src', f))
		.filter((f) => /\.(ts|svelte)$/.test(f) && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'));
	const known = new Set(files);
	const resolveSpec = (from: string, spec: string): string | null => {
		let base: string;
		if (spec.startsWith('$lib')) base = join('src/lib', spec.slice(4));
		else if (spec.startsWith('.')) base = join(dirname(from), spec);
		else return null;
		for (const ext of ['', '.ts', '.svelte', '/index.ts']) if (known.has(base + ext)) return base + ext;
		return null;
	};
	const graph = new Map<string, string[]>();
	const statement = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
	for (const file of files) {
		const text = readFileSync(join(root, file), 'utf8');
		const targets = [...text.matchAll(statement)]
			.map((m) => resolveSpec(file, m[1]))
			.filter((t): t is string => t !== null);
		graph.set(file, targets);
	}
	return graph;
}

/** Strongly connected groups of more than one module (Tarjan): each is an import cycle. */
function cycles(graph: Map<string, string[]>): string[][] {
	let index = 0;
	const order = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const found: string[][] = [];
	const visit = (node: string) => {
		order.set(node, index);
		low.set(node, index++);
		stack.push(node);
		onStack.add(node);
		for (const next of graph.get(node) ?? []) {
			if (!order.has(next)) {
				visit(next);
				low.set(node, Math.min(low.get(node)!, low.get(next)!));
			} else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, order.get(next)!));
		}
		if (low.get(node) === order.get(node)) {
			const group: string[] = [];
			let member: string;
			do {
				member = stack.pop()!;
				onStack.delete(member);
				group.push(member);
			} while (member !== node);
			if (group.length > 1 || graph.get(node)?.includes(node)) found.push(group.sort());
		}
	};
	for (const node of graph.keys()) if (!order.has(node)) visit(node);
	return found;
}

describe('import graph', () => {
	it('finds a cycle when there is one (the checker works)', () => {
		const graph = new Map([
			['a', ['b']],
			['b', ['c']],
			['c', ['a']],
			['d', ['a']]
		]);
		expect(cycles(graph)).toEqual([['a', 'b', 'c']]);
	});

	it('has no import cycle in src', () => {
		const root = process.cwd();
		expect(existsSync(join(root, 'src/lib'))).toBe(true);
		const graph = importGraph(root);
		expect(graph.size).toBeGreaterThan(100);
		expect(cycles(graph).map((group) => group.map((f) => relative('src', f)))).toEqual([]);
	});
});
