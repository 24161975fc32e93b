import { evidenceFile } from '$lib/server/assessment/evidence';
import { evidenceDownload } from '$lib/server/assessment/http';
import { auditSource } from '$lib/server/http/actor';
import { api, idParam } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/** The file's bytes as an attachment (the download is audited). */
export const GET: RequestHandler = api(async (event) => {
	const id = idParam.parse(event.params.id);
	const evidenceId = idParam.parse(event.params.evidenceId);
	return evidenceDownload(await evidenceFile(event.locals.db, id, evidenceId, auditSource(event)));
});
