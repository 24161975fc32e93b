import { scopeOf } from '$lib/server/http/actor';
import { reportsPage } from '$lib/server/reports';
import type { PageServerLoad } from './$types';

/** Reports: what can be generated (month, finalised assessments, PDF available) and what was. */
export const load: PageServerLoad = ({ locals }) => reportsPage(locals.db, scopeOf(locals));
