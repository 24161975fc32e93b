import { isKind, type Kind } from '$lib/domain/records';
import { getDatabase } from '$lib/server/db/connection';
import { availableProfiles, maxUploadBytes } from '$lib/server/ingest';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const kind = url.searchParams.get('kind');
	const initialKind: Kind = kind && isKind(kind) ? kind : 'repair';
	const profiles = await availableProfiles(await getDatabase());
	return { profiles, maxUploadBytes: maxUploadBytes(), initialKind };
};
