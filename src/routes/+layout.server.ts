import { roleMay } from '$lib/server/auth/policy';
import type { LayoutServerLoad } from './$types';

/** The route each nav item opens, so the nav shows a user only the sections their role may open. */
const NAV_ROUTES: Record<string, string> = {
	overview: '/(analytics)',
	defects: '/(analytics)/defects',
	warranty: '/(analytics)/warranty',
	cost: '/(analytics)/cost',
	returns: '/(analytics)/returns',
	complaints: '/(analytics)/complaints',
	satisfaction: '/(analytics)/satisfaction',
	assessment: '/assessment',
	reports: '/reports',
	data: '/data'
};

export const load: LayoutServerLoad = ({ locals }) => {
	const user = locals.user;
	return {
		locale: locals.locale,
		user,
		/** Nav item ids this user may open. */
		navAllowed: user ? Object.keys(NAV_ROUTES).filter((id) => roleMay(user.role, NAV_ROUTES[id])) : [],
		mayManageUsers: user ? roleMay(user.role, '/admin/users') : false,
		/** Drill-down and the records view: row-level data, which viewers (dashboards only) do not get. */
		mayOpenRecords: user ? roleMay(user.role, '/api/records/[table]') : false
	};
};
