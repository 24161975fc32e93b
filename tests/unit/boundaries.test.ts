import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The one-way rules of docs/ARCHITECTURE.md are lint rules: each case below is an import (or a call)
 * that breaks one of them, linted as if it stood in that file; a harmless twin shows the rule is not
 * simply refusing everything.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictions(filePath: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath });
	return result.messages
		.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
		.map((m) => m.message);
}

describe('architecture boundaries', () => {
	it('refuses a db module in a route and allows the server modules', async () => {
		const bad = await restrictions(
			'src/routes/api/example/+server.ts',
			"import { getDatabase } from '$lib/server/db/connection';\nexport const x = getDatabase;\n"
		);
		expect(bad.join('\n')).toMatch(/Routes hold no SQL/);
		const good = await restrictions(
			'src/routes/api/example/+server.ts',
			"import { runMetric } from '$lib/server/metrics/registry';\nexport const x = runMetric;\n"
		);
		expect(good).toEqual([]);
	});

	it('refuses $lib/server in browser code, type imports included', async () => {
		for (const file of ['src/lib/components/ingest/example.ts', 'src/lib/i18n/example.ts']) {
			const bad = await restrictions(
				file,
				"import type { ImportJob } from '$lib/server/ingest/jobs';\nexport type X = ImportJob;\n"
			);
			expect(bad.join('\n')).toMatch(/Browser code imports nothing under \$lib\/server/);
		}
		const good = await restrictions(
			'src/lib/components/ingest/example.ts',
			"import type { Kind } from '$lib/domain/records';\nexport type X = Kind;\n"
		);
		expect(good).toEqual([]);
	});

	it('refuses fetch and the UI in chart builders', async () => {
		const fetching = await restrictions(
			'src/lib/charts/example.ts',
			"export async function load() {\n\treturn (await fetch('/api/metrics/x')).json();\n}\n"
		);
		expect(fetching.join('\n')).toMatch(/Chart builders never fetch/);
		const ui = await restrictions(
			'src/lib/charts/example.ts',
			"import { page } from '$app/state';\nexport const x = page;\n"
		);
		expect(ui.join('\n')).toMatch(/Pure code/);
	});

	it('keeps the domain pure and DuckDB inside server/db', async () => {
		const domain = await restrictions(
			'src/lib/domain/example.ts',
			"import { getDatabase } from '$lib/server/db/connection';\nexport const x = getDatabase;\n"
		);
		expect(domain.join('\n')).toMatch(/Browser code imports nothing/);
		const duck = "import { DuckDBInstance } from '@duckdb/node-api';\nexport const x = DuckDBInstance;\n";
		expect((await restrictions('src/lib/server/metrics/example.ts', duck)).join('\n')).toMatch(
			/Only src\/lib\/server\/db talks to DuckDB/
		);
		expect(await restrictions('src/lib/server/db/example.ts', duck)).toEqual([]);
	});
});
