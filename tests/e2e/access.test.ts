import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/lib/domain/auth/user';
import { ROUTE_POLICY, type Access } from '../../src/lib/server/auth/policy';
import { requestAs, startApp, type RunningApp } from './harness';

let app: RunningApp;
beforeAll(async () => {
	app = await startApp();
}, 120_000);
afterAll(() => app?.stop());

/** A value for each dynamic segment: the route is reached, whether or not the record exists. */
const SAMPLE: Record<string, string> = {
	id: '1',
	version: '1',
	evidenceId: '1',
	rid: '1',
	jobId: 'no-such-job',
	table: 'repairs',
	code: 'E-NONE'
};

/** The path of a route id: groups dropped, [param] and [param=matcher] filled in. */
function pathOf(routeId: string): string {
	const path = routeId
		.split('/')
		.filter((part) => !/^\(.*\)$/.test(part))
		.map((part) =>
			part.replace(/\[(\w+)(=\w+)?\]/g, (_, name: string) => {
				if (!(name in SAMPLE)) throw new Error(`no sample value for [${name}] in ${routeId}`);
				return SAMPLE[name];
			})
		)
		.join('/');
	return path || '/';
}

const CASES = Object.entries(ROUTE_POLICY).flatMap(([routeId, methods]) =>
	Object.entries(methods).map(([method, access]) => ({ routeId, method, access: access as Access }))
);

/** JSON bodies: a form action or endpoint answers 4xx to them, but only after the guard let them in. */
function call(role: Role | null, routeId: string, method: string): Promise<Response> {
	const body = method === 'GET' ? undefined : '{}';
	return requestAs(app, role, pathOf(routeId), {
		method,
		body,
		headers: body ? { 'content-type': 'application/json' } : {}
	});
}

describe('route access matrix (every route in ROUTE_POLICY, against the built app)', () => {
	it('covers a sensible number of routes', () => {
		expect(CASES.length).toBeGreaterThan(60);
	});

	it('refuses anonymous requests everywhere but the public list', async () => {
		const wrong: string[] = [];
		for (const { routeId, method, access } of CASES) {
			const response = await call(null, routeId, method);
			const api = pathOf(routeId).startsWith('/api/');
			const expected =
				access === 'public'
					? ![401, 403].includes(response.status) &&
						response.headers.get('location')?.startsWith('/login') !== true
					: access === 'setup'
						? response.status === 404 // users exist, so set-up is gone
						: api
							? response.status === 401
							: response.status === 303 &&
								response.headers.get('location')?.startsWith('/login?next=') === true;
			if (!expected) wrong.push(`${method} ${routeId} → ${response.status}`);
		}
		expect(wrong).toEqual([]);
	});

	it('gives each role exactly its matrix', async () => {
		const wrong: string[] = [];
		for (const role of ROLES)
			for (const { routeId, method, access } of CASES) {
				const status = (await call(role, routeId, method)).status;
				if (access === 'public') continue;
				if (access === 'setup') {
					if (status !== 404) wrong.push(`${role} ${method} ${routeId} → ${status}, expected 404`);
					continue;
				}
				const allowed = access.includes(role);
				if (allowed && (status === 401 || status === 403))
					wrong.push(`${role} ${method} ${routeId} → ${status}, expected allowed`);
				if (!allowed && status !== 403) wrong.push(`${role} ${method} ${routeId} → ${status}, expected 403`);
			}
		expect(wrong).toEqual([]);
	});

	it('refuses a revoked or made-up token like no token at all', async () => {
		const made = await requestAs(app, null, '/api/metrics', {
			headers: { authorization: 'Bearer wbt_made-up' }
		});
		expect(made.status).toBe(401);
		expect((await requestAs(app, 'viewer', '/api/metrics')).status).toBe(200);
	});
});
