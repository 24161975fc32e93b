import { json } from '@sveltejs/kit';
import { catalogueQuerySchema } from '$lib/domain/assessment/api';
import { checkCatalogueUpload } from '$lib/server/assessment/http';
import { api, parseQuery } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/**
 * Body = a certification body's indicator sheet (JSON or XLSX bytes). → the validated catalogue and a
 * summary, or 422 {code: 'invalid_catalogue', issues}. Nothing is stored: the catalogue is sent again
 * with POST /api/assessments and snapshotted into the new assessment.
 */
export const POST: RequestHandler = api(async ({ request, url }) => {
	const { name } = parseQuery(url, catalogueQuerySchema);
	return json(await checkCatalogueUpload(request, name));
});
