import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { formatBytes } from '$lib/format';
import { createT } from '$lib/i18n';
import { leaves } from '$lib/domain/assessment/catalogue';
import { loadCatalogueFile, MAX_CATALOGUE_BYTES } from '$lib/server/assessment/catalogue-store';
import { api, ApiError, parseQuery } from '$lib/server/http/api';
import { deleteUpload, saveUpload, UploadTooLargeError } from '$lib/server/ingest';
import type { RequestHandler } from './$types';

const query = z.object({ name: z.string().trim().min(1).max(255) });

/**
 * Body = a certification body's indicator sheet (JSON or XLSX bytes). → the validated catalogue and a
 * summary, or 422 {code: 'invalid_catalogue', issues}. Nothing is stored: the catalogue is sent again
 * with POST /api/assessments and snapshotted into the new assessment.
 */
export const POST: RequestHandler = api(async ({ request, url, locals }) => {
	const t = createT(locals.locale);
	const { name } = parseQuery(url, query);
	if (!request.body) throw new ApiError(400, t('api.emptyBody'));
	let upload;
	try {
		upload = await saveUpload(request.body, name, MAX_CATALOGUE_BYTES);
	} catch (error) {
		if (error instanceof UploadTooLargeError)
			throw new ApiError(413, t('api.tooLarge', { max: formatBytes(MAX_CATALOGUE_BYTES) }));
		throw error;
	}
	try {
		const catalogue = await loadCatalogueFile(upload.path, name);
		return json({ catalogue, items: catalogue.items.length, leaves: leaves(catalogue).length });
	} finally {
		await deleteUpload(upload.id);
	}
});
