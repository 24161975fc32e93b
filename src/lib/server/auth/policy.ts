import type { Role, SessionUser } from '$lib/domain/auth/user';

/**
 * Who may call what: every route the app has, by SvelteKit route id (event.route.id) and method.
 * hooks.server.ts enforces it before any route runs. A route or method missing here is refused to
 * everyone (tests/unit/route-policy.test.ts fails until each route file is listed), and
 * tests/e2e/access.test.ts proves each role gets exactly this table.
 *
 * To add a route: one line, with the role set that fits. Pages are GET (and POST when they have form
 * actions); HEAD is treated as GET.
 */

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** Roles allowed, or 'public' (anyone), or 'setup' (anyone, only while no user exists). */
export type Access = readonly Role[] | 'public' | 'setup';
export type RoutePolicy = Readonly<Record<string, Partial<Record<Method, Access>>>>;

/** Everyone signed in: dashboards, metric reads, finished reports. */
export const ANY_USER: readonly Role[] = ['admin', 'analyst', 'auditor', 'viewer'];
/** Reads everything, including records, batches, assessments and evidence; and generates reports. */
export const READERS: readonly Role[] = ['admin', 'analyst', 'auditor'];
/** Changes data: import, mapping, batches and undo, assessments, report schedules. */
export const ANALYSTS: readonly Role[] = ['admin', 'analyst'];
/** Users, settings, catalogues, metric configuration. */
export const ADMINS: readonly Role[] = ['admin'];

export const ROUTE_POLICY: RoutePolicy = {
	// Sign-in and the language switch: the only routes open to everyone.
	'/login': { GET: 'public', POST: 'public' },
	'/setup': { GET: 'setup', POST: 'setup' },
	'/locale': { POST: 'public' },
	'/logout': { POST: ANY_USER },
	'/account': { GET: ANY_USER, POST: ANY_USER },
	'/admin/users': { GET: ADMINS, POST: ADMINS },
	'/settings/defect-codes': { GET: READERS },
	'/api/defect-codes': { GET: ANY_USER, POST: ADMINS },
	'/api/defect-codes/[code]': { PUT: ADMINS, DELETE: ADMINS },
	'/api/defect-codes/import': { POST: ADMINS },
	'/admin/audit': { GET: ['admin', 'auditor'] },
	'/api/audit': { GET: ['admin', 'auditor'] },

	'/(analytics)': { GET: ANY_USER },
	'/(analytics)/defects': { GET: ANY_USER },
	'/(analytics)/warranty': { GET: ANY_USER },
	'/(analytics)/cost': { GET: ANY_USER },
	'/(analytics)/returns': { GET: ANY_USER },
	'/(analytics)/complaints': { GET: ANY_USER },
	'/(analytics)/satisfaction': { GET: ANY_USER },
	'/api/metrics': { GET: ANY_USER },
	'/api/metrics/[id]': { GET: ANY_USER },
	'/api/metrics/config': { GET: ANY_USER, PUT: ADMINS },
	'/api/filters': { GET: ANY_USER },

	'/reports': { GET: ANY_USER },
	'/reports/compare': { GET: ANY_USER },
	'/api/reports': { GET: ANY_USER, POST: READERS },
	'/api/reports/[id]': { GET: ANY_USER },
	'/api/reports/[id]/figures': { GET: ANY_USER },
	'/api/reports/schedules': { GET: READERS, POST: ANALYSTS },
	'/api/reports/schedules/[id]': { GET: READERS, PATCH: ANALYSTS, DELETE: ANALYSTS },
	'/api/reports/schedules/[id]/runs': { GET: READERS },

	'/data': { GET: READERS },
	'/data/batches/[id]': { GET: READERS },
	'/data/import': { GET: ANALYSTS },
	'/api/batches': { GET: READERS },
	'/api/batches/[id]/rejected.csv': { GET: READERS },
	'/api/batches/[id]/undo': { GET: READERS, POST: ANALYSTS },
	'/api/imports': { POST: ANALYSTS },
	'/api/imports/[jobId]': { GET: READERS },
	'/api/uploads': { POST: ANALYSTS },
	'/api/uploads/[id]/preview': { POST: ANALYSTS },
	'/api/profiles': { GET: READERS },
	'/api/records/[table]': { GET: READERS },
	'/data/records/[table]': { GET: READERS },

	'/assessment': { GET: READERS },
	'/assessment/[id=int]': { GET: READERS },
	'/assessment/[id=int]/[version=int]': { GET: READERS },
	'/assessment/compare': { GET: READERS },
	'/api/assessments': { GET: READERS, POST: ANALYSTS },
	'/api/assessments/catalogue': { POST: ADMINS },
	'/api/assessments/compare': { GET: READERS },
	'/api/assessments/[id]': { GET: READERS },
	'/api/assessments/[id]/evidence': { GET: READERS, POST: ANALYSTS },
	'/api/assessments/[id]/evidence/[evidenceId]': { GET: READERS },
	'/api/assessments/[id]/rectifications': { GET: READERS, POST: ANALYSTS },
	'/api/assessments/[id]/rectifications/[rid]': { PATCH: ANALYSTS },
	'/api/assessments/[id]/versions/[version]': { GET: READERS, PUT: ANALYSTS },
	'/api/assessments/[id]/versions/[version]/draft': { POST: ANALYSTS },
	'/api/assessments/[id]/versions/[version]/finalise': { POST: ANALYSTS },
	'/api/assessments/[id]/versions/[version]/proposals': { GET: READERS }
};

/**
 * What to do with a request: let it through, ask for a login (no user), refuse it (a user without
 * the right, or a route or method the table does not know), or answer 404 (/setup once set up).
 */
export type Decision = 'allow' | 'login' | 'forbidden' | 'notFound';

export function accessOf(
	routeId: string,
	method: string,
	policy: RoutePolicy = ROUTE_POLICY
): Access | undefined {
	const wanted = (method === 'HEAD' ? 'GET' : method) as Method;
	return Object.hasOwn(policy, routeId) ? policy[routeId][wanted] : undefined;
}

export function decide(
	routeId: string | null,
	method: string,
	user: SessionUser | null,
	setupOpen: boolean,
	policy: RoutePolicy = ROUTE_POLICY
): Decision {
	// No route matched: SvelteKit answers 404, but only to someone signed in.
	if (routeId === null) return user ? 'allow' : 'login';
	const access = accessOf(routeId, method, policy);
	if (access === 'public') return 'allow';
	if (access === 'setup') return setupOpen ? 'allow' : 'notFound';
	if (!user) return 'login';
	return access?.includes(user.role) ? 'allow' : 'forbidden';
}

/** May this role call this route (nav links and buttons ask, so no one is shown a door they cannot open)? */
export function roleMay(role: Role, routeId: string, method: Method = 'GET'): boolean {
	const access = accessOf(routeId, method);
	return Array.isArray(access) && access.includes(role);
}
