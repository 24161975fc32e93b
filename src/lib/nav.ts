import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';
import type { MessageKey } from '$lib/i18n';

interface NavItem {
	id: string;
	href: ResolvedPathname;
	label: MessageKey;
	/** An analytics page: its link carries the current period and filters. */
	analytics?: boolean;
}

interface NavGroup {
	items: NavItem[];
}

const item = (id: string, href: ResolvedPathname, analytics = false): NavItem => ({
	id,
	href,
	label: `nav.${id}` as MessageKey,
	analytics
});

export const NAV: NavGroup[] = [
	{
		items: [
			item('overview', resolve('/'), true),
			item('defects', resolve('/defects'), true),
			item('warranty', resolve('/warranty'), true),
			item('cost', resolve('/cost'), true),
			item('returns', resolve('/returns'), true),
			item('complaints', resolve('/complaints'), true),
			item('satisfaction', resolve('/satisfaction'), true)
		]
	},
	{ items: [item('assessment', resolve('/assessment')), item('reports', resolve('/reports'))] },
	{ items: [item('data', resolve('/data')), item('defectCodes', resolve('/settings/defect-codes'))] }
];

/** Is `href` the current section of `pathname`? */
export function isActive(href: string, pathname: string): boolean {
	return href === resolve('/') ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
}
