import { json } from '@sveltejs/kit';
import { evidenceListQuerySchema, evidenceQuerySchema } from '$lib/domain/assessment/api';
import { listEvidence } from '$lib/server/assessment/evidence';
import { uploadEvidence } from '$lib/server/assessment/http';
import { actorOf } from '$lib/server/http/actor';
import { api, idParam, parseQuery } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/** ?version=N → {files} attached up to that version (all when omitted). */
export const GET: RequestHandler = api(async ({ params, url, locals }) => {
	const { version } = parseQuery(url, evidenceListQuerySchema);
	return json({ files: await listEvidence(locals.db, idParam.parse(params.id), version) });
});

/**
 * ?version=N&leaf=ID&name=FILE, body = the raw file bytes (streamed to disk and hashed on the way).
 * → 201 {file, duplicate: false}, or 200 {file, duplicate: true} when the same bytes are already attached.
 */
export const POST: RequestHandler = api(async ({ params, url, request, locals }) => {
	const q = parseQuery(url, evidenceQuerySchema);
	const target = {
		assessmentId: idParam.parse(params.id),
		version: q.version,
		leafId: q.leaf,
		fileName: q.name
	};
	const result = await uploadEvidence(locals.db, target, request, actorOf(locals));
	return json(result, { status: result.duplicate ? 200 : 201 });
});
