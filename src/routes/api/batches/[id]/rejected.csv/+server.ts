import { createT } from '$lib/i18n';
import { getDatabase } from '$lib/server/db/connection';
import { api, ApiError, idParam } from '$lib/server/http/api';
import { getBatch, rejectedCsvStream } from '$lib/server/ingest';
import type { RequestHandler } from './$types';

/** The rejected rows of a batch as CSV (UTF-8 with BOM, zh+en header, CSV-injection guarded), streamed. */
export const GET: RequestHandler = api(async ({ params, locals }) => {
	const t = createT(locals.locale);
	const id = idParam.safeParse(params.id);
	if (!id.success) throw new ApiError(404, t('api.batchNotFound', { id: params.id }));
	const db = await getDatabase();
	const batch = await getBatch(db, id.data);
	if (!batch) throw new ApiError(404, t('api.batchNotFound', { id: id.data }));
	const fileName = `batch-${batch.id}-rejected.csv`;
	return new Response(rejectedCsvStream(db, batch.id, locals.locale), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
			'cache-control': 'no-store',
			'x-content-type-options': 'nosniff'
		}
	});
});
