import { json } from '@sveltejs/kit';
import { createT } from '$lib/i18n';
import { actorOf } from '$lib/server/http/actor';
import { api, ApiError, parseJson } from '$lib/server/http/api';
import { importBodySchema } from '$lib/server/http/schemas';
import { findRunningJob, startUploadImport } from '$lib/server/ingest/jobs';
import { getUpload } from '$lib/server/ingest';
import type { RequestHandler } from './$types';

/** JSON {uploadId, kind, map?, profile?, saveProfile?, encoding?, sheet?} → 202 {jobId}; poll /api/imports/[jobId]. */
export const POST: RequestHandler = api(async ({ request, locals }) => {
	const t = createT(locals.locale);
	const { uploadId, ...options } = await parseJson(request, importBodySchema, locals.locale);
	const upload = await getUpload(uploadId);
	if (!upload) throw new ApiError(404, t('api.uploadNotFound', { id: uploadId }));
	const running = findRunningJob(uploadId);
	if (running) throw new ApiError(409, t('api.jobRunning', { id: running }), { jobId: running });
	return json({ jobId: startUploadImport(locals.db, upload, options, actorOf(locals)) }, { status: 202 });
});
