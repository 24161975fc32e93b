import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';
import type { MessageKey } from '$lib/i18n';

interface NavItem {
	id: string;
	href: ResolvedPathname;
	label: MessageKey;
}

interface NavGroup {
	items: NavItem[];
}

const item = (id: string, href: ResolvedPathname): NavItem => ({
	id,
	href,
	label: `nav.${id}` as MessageKey
});

export const NAV: NavGroup[] = [
	{
		items: [
			item('overview', resolve('/')),
			item('defects', resolve('/defects')),
			item('warranty', resolve('/warranty')),
			item('cost', resolve('/cost')),
			item('returns', resolve('/returns')),
			item('complaints', resolve('/complaints')),
			item('satisfaction', resolve('/satisfaction'))
		]
	},
	{ items: [item('assessment', resolve('/assessment')), item('reports', resolve('/reports'))] },
	{ items: [item('data', resolve('/data')), item('defectCodes', resolve('/settings/defect-codes'))] }
];

/** Is `href` the current section of `pathname`? */
export function isActive(href: string, pathname: string): boolean {
	return href === resolve('/') ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
}
