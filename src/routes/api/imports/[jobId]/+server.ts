import { json } from '@sveltejs/kit';
import { createT } from '$lib/i18n';
import { api, ApiError } from '$lib/server/http/api';
import { getJob } from '$lib/server/ingest/jobs';
import type { RequestHandler } from './$types';

/** → {id, status: running|done|failed, progress: {phase, fraction}, result?, error?} */
export const GET: RequestHandler = api(async ({ params, locals }) => {
	const job = getJob(params.jobId);
	if (!job) throw new ApiError(404, createT(locals.locale)('api.jobNotFound', { id: params.jobId }));
	return json(job, { headers: { 'cache-control': 'no-store' } });
});
