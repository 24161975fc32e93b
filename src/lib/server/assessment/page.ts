import { error } from '@sveltejs/kit';
import { WorkspaceError } from './errors';

/** Runs a page load's lib calls; a WorkspaceError (404 unknown assessment …) becomes the page's HTTP error. */
export async function forPage<T>(fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (e) {
		if (e instanceof WorkspaceError) error(e.status, e.message);
		throw e;
	}
}
