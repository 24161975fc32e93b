import { json } from '@sveltejs/kit';
import { createT } from '$lib/i18n';
import { api, ApiError, parseJson } from '$lib/server/http/api';
import { importBodySchema } from '$lib/server/http/schemas';
import { findRunningJob, startImportJob } from '$lib/server/ingest/jobs';
import { deleteUpload, getUpload } from '$lib/server/ingest';
import type { RequestHandler } from './$types';

/** JSON {uploadId, kind, map?, profile?, saveProfile?, encoding?, sheet?} → 202 {jobId}; poll /api/imports/[jobId]. */
export const POST: RequestHandler = api(async ({ request, locals }) => {
	const t = createT(locals.locale);
	const { uploadId, ...options } = await parseJson(request, importBodySchema, locals.locale);
	const upload = await getUpload(uploadId);
	if (!upload) throw new ApiError(404, t('api.uploadNotFound', { id: uploadId }));
	const running = findRunningJob(uploadId);
	if (running) throw new ApiError(409, t('api.jobRunning', { id: running }), { jobId: running });
	const jobId = startImportJob(
		upload.path,
		{ ...options, fileName: upload.name, importedBy: 'web' },
		{
			key: uploadId,
			// The file is no longer needed once its rows are in; a refused file stays for another try.
			onSettled: (job) => (job.status === 'done' ? deleteUpload(uploadId) : undefined)
		}
	);
	return json({ jobId }, { status: 202 });
});
