import { json } from '@sveltejs/kit';
import { createT } from '$lib/i18n';
import { api, ApiError, parseJson } from '$lib/server/http/api';
import { previewBodySchema } from '$lib/server/http/schemas';
import { getUpload, previewFile } from '$lib/server/ingest';
import type { RequestHandler } from './$types';

/** JSON {kind, encoding?, sheet?, map?} → FilePreview of an uploaded file (used for XLSX). */
export const POST: RequestHandler = api(async ({ request, params, locals }) => {
	const t = createT(locals.locale);
	const body = await parseJson(request, previewBodySchema, locals.locale);
	const upload = await getUpload(params.id);
	if (!upload) throw new ApiError(404, t('api.uploadNotFound', { id: params.id }));
	return json(await previewFile(upload.path, { ...body, fileName: upload.name }));
});
