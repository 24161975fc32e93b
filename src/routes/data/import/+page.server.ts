import { isKind, type Kind } from '$lib/domain/records';
import { availableProfiles, maxUploadBytes } from '$lib/server/ingest';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const kind = url.searchParams.get('kind');
	const initialKind: Kind = kind && isKind(kind) ? kind : 'repair';
	return { profiles: await availableProfiles(locals.db), maxUploadBytes: maxUploadBytes(), initialKind };
};
