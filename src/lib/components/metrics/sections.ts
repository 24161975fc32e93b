import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';

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
