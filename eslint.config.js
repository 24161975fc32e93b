import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/*
 * The one-way rules of docs/ARCHITECTURE.md, enforced. ESLint replaces (does not merge) a rule's options
 * when a later block matches the same file, so each block below lists every restriction of its room.
 */
const duckdb = {
	group: ['@duckdb/*'],
	message: 'Only src/lib/server/db talks to DuckDB: call its handle, which takes and returns plain values.'
};
const serverCode = {
	group: ['$lib/server', '$lib/server/*', '**/lib/server/*'],
	message:
		'Browser code imports nothing under $lib/server: the shapes exchanged over HTTP live in $lib/domain.'
};
const dbModule = {
	group: ['$lib/server/db', '$lib/server/db/*', '**/server/db/*'],
	message: 'Routes hold no SQL: call a module of $lib/server (ingest, metrics, assessment, http), not db.'
};
const sveltekitRuntime = {
	group: ['$app/*', 'svelte', 'svelte/*', '$lib/components/*', '$lib/client/*'],
	message:
		'Pure code (domain, charts) runs in the browser, the server and the CLI alike: no framework, no UI, no API client.'
};

const restrict = (...patterns) => ['error', { patterns }];
const noFetch = [
	'error',
	...['fetch', 'XMLHttpRequest', 'EventSource', 'WebSocket'].map((name) => ({
		name,
		message: 'Chart builders never fetch: a page load or the API gives data, a pure builder shapes it.'
	}))
];

const clientOnly = [
	'error',
	...['fetch', 'XMLHttpRequest', 'EventSource'].map((name) => ({
		name,
		message: 'The browser calls the server through $lib/client (one client, one error type).'
	}))
];

const serverFiles = [
	'src/lib/server/**',
	'src/routes/**/*.server.ts',
	'src/routes/**/+server.ts',
	'src/hooks.server.ts',
	'src/app.d.ts',
	'src/cli/**'
];

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{ languageOptions: { globals: { ...globals.browser, ...globals.node } } },
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		files: ['src/**/*.ts', 'src/**/*.svelte', 'tests/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
		ignores: ['src/lib/server/db/**'],
		rules: { 'no-restricted-imports': restrict(duckdb) }
	},
	{
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		ignores: serverFiles,
		rules: { 'no-restricted-imports': restrict(duckdb, serverCode) }
	},
	{
		files: ['src/routes/**/*.server.ts', 'src/routes/**/+server.ts'],
		rules: { 'no-restricted-imports': restrict(duckdb, dbModule) }
	},
	{
		files: ['src/lib/domain/**', 'src/lib/charts/**'],
		ignores: ['**/*.test.ts'],
		rules: { 'no-restricted-imports': restrict(duckdb, serverCode, sveltekitRuntime) }
	},
	{
		files: ['src/lib/charts/**'],
		ignores: ['**/*.test.ts'],
		rules: { 'no-restricted-globals': noFetch }
	},
	{
		files: [
			'src/lib/components/**',
			'src/routes/**/*.svelte',
			'src/routes/**/+page.ts',
			'src/routes/**/+layout.ts'
		],
		rules: { 'no-restricted-globals': clientOnly }
	},
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'data/', 'bench/results/', 'bench/data/'] }
);
