import { evidenceFile } from '$lib/server/assessment/evidence';
import { evidenceDownload } from '$lib/server/assessment/http';
import { api, idParam } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/** The file's bytes as an attachment. */
export const GET: RequestHandler = api(async ({ params, locals }) => {
	const id = idParam.parse(params.id);
	const evidenceId = idParam.parse(params.evidenceId);
	return evidenceDownload(await evidenceFile(locals.db, id, evidenceId));
});
