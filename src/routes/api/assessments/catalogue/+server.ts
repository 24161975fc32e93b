import { json } from '@sveltejs/kit';
import { catalogueQuerySchema } from '$lib/domain/assessment/api';
import { checkCatalogueUpload } from '$lib/server/assessment/http';
import { auditSource } from '$lib/server/http/actor';
import { api, parseQuery } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/**
 * Body = a certification body's indicator sheet (JSON or XLSX bytes). → the validated catalogue and a
 * summary, or 422 {code: 'invalid_catalogue', issues}. Only the audit entry of the load is stored: the catalogue is sent again
 * with POST /api/assessments and snapshotted into the new assessment.
 */
export const POST: RequestHandler = api(async (event) => {
	const { name } = parseQuery(event.url, catalogueQuerySchema);
	return json(await checkCatalogueUpload(event.locals.db, event.request, name, auditSource(event)));
});
