import { assertWholeCompany } from '$lib/domain/auth/scope';
import { createT } from '$lib/i18n';
import { api, ApiError, idParam } from '$lib/server/http/api';
import { rejectedDownload } from '$lib/server/ingest';
import type { RequestHandler } from './$types';

/** The rejected rows of a batch as CSV (UTF-8 with BOM, zh+en header, CSV-injection guarded), streamed. */
export const GET: RequestHandler = api(async ({ params, locals }) => {
	assertWholeCompany(locals.user?.scope, 'scope.rejectedRows');
	const t = createT(locals.locale);
	const id = idParam.safeParse(params.id);
	if (!id.success) throw new ApiError(404, t('api.batchNotFound', { id: params.id }));
	const download = await rejectedDownload(locals.db, id.data, locals.locale);
	if (!download) throw new ApiError(404, t('api.batchNotFound', { id: id.data }));
	const { fileName, body } = download;
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
			'cache-control': 'no-store',
			'x-content-type-options': 'nosniff'
		}
	});
});
