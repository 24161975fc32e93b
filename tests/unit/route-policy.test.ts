import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accessOf, decide, ROUTE_POLICY } from '../../src/lib/server/auth/policy';
import type { SessionUser } from '../../src/lib/domain/auth/user';

const ROUTES = join(import.meta.dirname, '../../src/routes');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * Every route id and method the app answers, from the route files: a page is GET (and POST with form
 * actions), an endpoint what its +server.ts exports.
 */
function routeMethods(): string[] {
	const found = new Set<string>();
	for (const entry of readdirSync(ROUTES, { withFileTypes: true, recursive: true })) {
		if (!entry.isFile()) continue;
		const dir = relative(ROUTES, entry.parentPath).split(sep).join('/');
		const id = `/${dir}`;
		const source = () => readFileSync(join(entry.parentPath, entry.name), 'utf8');
		if (entry.name === '+page.svelte') found.add(`GET ${id}`);
		if (entry.name === '+page.server.ts') {
			found.add(`GET ${id}`);
			if (/export const actions\b/.test(source())) found.add(`POST ${id}`);
		}
		if (entry.name === '+server.ts')
			for (const method of METHODS)
				if (new RegExp(`export (const|async function|function) ${method}\\b`).test(source()))
					found.add(`${method} ${id}`);
	}
	return [...found].sort();
}

const user = (role: SessionUser['role']): SessionUser => ({
	id: 1,
	name: role,
	role,
	scope: { regions: [], models: [] }
});

describe('route policy', () => {
	it('covers every route file and method, and lists no route that does not exist', () => {
		const actual = routeMethods();
		const table = Object.entries(ROUTE_POLICY)
			.flatMap(([id, methods]) => Object.keys(methods).map((method) => `${method} ${id}`))
			.sort();
		expect(
			actual.filter((r) => !table.includes(r)),
			'routes missing from ROUTE_POLICY'
		).toEqual([]);
		expect(
			table.filter((r) => !actual.includes(r)),
			'ROUTE_POLICY entries without a route'
		).toEqual([]);
	});

	it('refuses unknown routes and methods to everyone, admins included', () => {
		expect(decide('/api/not-listed', 'GET', user('admin'), false)).toBe('forbidden');
		expect(decide('/api/metrics', 'DELETE', user('admin'), false)).toBe('forbidden');
		expect(decide('/api/not-listed', 'GET', null, false)).toBe('login');
	});

	it('opens only the public list to anonymous requests, and /setup only while no user exists', () => {
		expect(decide('/login', 'GET', null, false)).toBe('allow');
		expect(decide('/locale', 'POST', null, false)).toBe('allow');
		expect(decide('/setup', 'GET', null, true)).toBe('allow');
		expect(decide('/setup', 'POST', user('admin'), false)).toBe('notFound');
		expect(decide('/(analytics)', 'GET', null, false)).toBe('login');
		expect(decide('/(analytics)', 'HEAD', user('viewer'), false)).toBe('allow');
	});

	it('keeps the matrix: viewers read dashboards and reports, auditors change nothing but reports', () => {
		expect(decide('/data', 'GET', user('viewer'), false)).toBe('forbidden');
		expect(decide('/api/reports/[id]', 'GET', user('viewer'), false)).toBe('allow');
		expect(decide('/api/reports', 'POST', user('auditor'), false)).toBe('allow');
		expect(decide('/api/reports', 'POST', user('viewer'), false)).toBe('forbidden');
		expect(decide('/api/assessments/[id]/versions/[version]/finalise', 'POST', user('auditor'), false)).toBe(
			'forbidden'
		);
		expect(decide('/api/assessments/[id]/evidence/[evidenceId]', 'GET', user('auditor'), false)).toBe(
			'allow'
		);
		expect(decide('/api/metrics/config', 'PUT', user('analyst'), false)).toBe('forbidden');
		expect(accessOf('/admin/users', 'POST')).toEqual(['admin']);
	});
});
