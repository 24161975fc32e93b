import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';
import { viewSearch, type ViewChange } from './links';

/** The page that shows a metric (for links from the overview's cards and signals). */
export function sectionOf(metric: string): ResolvedPathname {
	const family = metric.split('.')[0];
	switch (family) {
		case 'defects':
		case 'repairs':
			return resolve('/defects');
		case 'warranty':
			return resolve('/warranty');
		case 'cost':
			return resolve('/cost');
		case 'returns':
			return resolve('/returns');
		case 'complaints':
			return resolve('/complaints');
		case 'satisfaction':
			return resolve('/satisfaction');
		default:
			return resolve('/');
	}
}

/**
 * `path` (an analytics page) showing the view of `url`: its period and filters, with `change` on top
 * (viewSearch). Every link between analytics pages is built with it.
 */
export function viewHref(path: ResolvedPathname, url: URL, change?: ViewChange): string {
	return `${path}${viewSearch(url.searchParams, path === resolve('/') ? 'overview' : 'section', change)}`;
}
