import { isKind, type Kind } from '$lib/domain/records';
import { maxUploadBytes, profileOptions } from '$lib/server/ingest';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const kind = url.searchParams.get('kind');
	const initialKind: Kind = kind && isKind(kind) ? kind : 'repair';
	return { profiles: await profileOptions(), maxUploadBytes: maxUploadBytes(), initialKind };
};
