import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The one-way rules of docs/ARCHITECTURE.md are lint rules. Each case is an import (or a call) linted as
 * if it stood in that file: the broken ones must fail with the rule's message, the harmless twins pass,
 * which shows a rule is not simply refusing everything.
 */
const eslint = new ESLint({ cwd: process.cwd() });

const use = (name: string, from: string, type = false) =>
	`import ${type ? 'type ' : ''}{ ${name} } from '${from}';\nexport const x: unknown = ${type ? 'null as unknown as ' : ''}${name};\n`;
const fetching = "export async function load() {\n\treturn (await fetch('/api/metrics/x')).json();\n}\n";

const CASES: { file: string; code: string; refusal: RegExp | null }[] = [
	{
		file: 'src/routes/api/x/+server.ts',
		code: use('getDatabase', '$lib/server/db/connection'),
		refusal: /Routes hold no SQL/
	},
	{
		file: 'src/routes/x/+page.server.ts',
		code: use('getDatabase', '$lib/server/db/connection'),
		refusal: /Routes hold no SQL/
	},
	{
		file: 'src/routes/api/x/+server.ts',
		code: use('runMetric', '$lib/server/metrics/registry'),
		refusal: null
	},
	{
		file: 'src/lib/components/ingest/x.ts',
		code: use('ImportJob', '$lib/server/ingest/jobs', true),
		refusal: /Browser code imports nothing under \$lib\/server/
	},
	{
		file: 'src/lib/i18n/x.ts',
		code: use('settings', '$lib/server/config'),
		refusal: /Browser code imports nothing under \$lib\/server/
	},
	{ file: 'src/lib/components/ingest/x.ts', code: use('Kind', '$lib/domain/records', true), refusal: null },
	{ file: 'src/lib/charts/x.ts', code: fetching, refusal: /Chart builders never fetch/ },
	{ file: 'src/lib/components/metrics/x.ts', code: fetching, refusal: /through \$lib\/client/ },
	{ file: 'src/lib/client/x.ts', code: fetching, refusal: null },
	{ file: 'src/lib/charts/x.ts', code: use('page', '$app/state'), refusal: /Pure code/ },
	{ file: 'src/lib/domain/x.ts', code: use('mount', 'svelte'), refusal: /Pure code/ },
	{
		file: 'src/lib/domain/x.ts',
		code: use('getDatabase', '$lib/server/db/connection'),
		refusal: /Browser code imports nothing/
	},
	{
		file: 'src/lib/server/metrics/x.ts',
		code: use('DuckDBInstance', '@duckdb/node-api'),
		refusal: /Only src\/lib\/server\/db talks to DuckDB/
	},
	{
		file: 'tests/integration/x.test.ts',
		code: use('DuckDBInstance', '@duckdb/node-api'),
		refusal: /Only src\/lib\/server\/db talks to DuckDB/
	},
	{ file: 'src/lib/server/db/x.ts', code: use('DuckDBInstance', '@duckdb/node-api'), refusal: null }
];

describe('architecture boundaries', () => {
	it.each(CASES)('$file: $code', async ({ file, code, refusal }) => {
		const [result] = await eslint.lintText(code, { filePath: file });
		const restricted = result.messages
			.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
			.map((m) => m.message)
			.join('\n');
		if (refusal) expect(restricted).toMatch(refusal);
		else expect(restricted).toBe('');
	});
});
