import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { formatBytes } from '$lib/format';
import { createT } from '$lib/i18n';
import { api, ApiError, parseQuery } from '$lib/server/http/api';
import { BodySizeLimitError, maxUploadBytes, saveUpload, UploadTooLargeError } from '$lib/server/ingest';
import type { RequestHandler } from './$types';

const query = z.object({ name: z.string().trim().min(1).max(255) });

/** Body = the raw file bytes, streamed to disk. → {uploadId, name, size} */
export const POST: RequestHandler = api(async ({ request, url, locals }) => {
	const t = createT(locals.locale);
	const { name } = parseQuery(url, query);
	const limit = maxUploadBytes();
	const declared = Number(request.headers.get('content-length'));
	if (Number.isFinite(declared) && declared > limit)
		throw new ApiError(413, t('api.tooLarge', { max: formatBytes(limit) }));
	if (!request.body) throw new ApiError(400, t('api.emptyBody'));
	try {
		const upload = await saveUpload(request.body, name, limit);
		return json({ uploadId: upload.id, name: upload.name, size: upload.size }, { status: 201 });
	} catch (error) {
		if (error instanceof UploadTooLargeError)
			throw new ApiError(413, t('api.tooLarge', { max: formatBytes(limit) }));
		if (error instanceof BodySizeLimitError)
			throw new ApiError(413, t('api.bodyLimit', { detail: error.message }));
		throw error;
	}
});
