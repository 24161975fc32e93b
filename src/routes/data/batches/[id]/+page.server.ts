import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { isScoped } from '$lib/domain/auth/scope';
import { createT } from '$lib/i18n';
import { idParam } from '$lib/server/http/api';
import { batchWithRejected } from '$lib/server/ingest';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const t = createT(locals.locale);
	if (isScoped(locals.user?.scope)) error(403, t('scope.rejectedRows'));
	const id = idParam.safeParse(params.id);
	if (!id.success) error(404, t('batch.notFound', { id: params.id }));
	const page = z.coerce
		.number()
		.int()
		.min(1)
		.max(1_000_000)
		.catch(1)
		.parse(url.searchParams.get('page') ?? 1);
	const found = await batchWithRejected(locals.db, id.data, PAGE_SIZE, (page - 1) * PAGE_SIZE);
	if (!found) error(404, t('batch.notFound', { id: id.data }));
	return { ...found, page, pageSize: PAGE_SIZE };
};
