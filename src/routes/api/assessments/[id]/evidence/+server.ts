import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { formatBytes } from '$lib/format';
import { createT } from '$lib/i18n';
import { evidenceQuerySchema } from '$lib/server/assessment/api-schemas';
import {
	EvidenceTooLargeError,
	listEvidence,
	maxEvidenceBytes,
	saveEvidence
} from '$lib/server/assessment/evidence';
import { getDatabase } from '$lib/server/db/connection';
import { actorOf } from '$lib/server/http/actor';
import { api, ApiError, idParam, parseQuery } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

const listQuery = z.object({ version: z.coerce.number().int().positive().optional() });

/** ?version=N → {files} attached up to that version (all when omitted). */
export const GET: RequestHandler = api(async ({ params, url }) => {
	const { version } = parseQuery(url, listQuery);
	return json({ files: await listEvidence(await getDatabase(), idParam.parse(params.id), version) });
});

/**
 * ?version=N&leaf=ID&name=FILE, body = the raw file bytes (streamed to disk and hashed on the way).
 * → 201 {file, duplicate: false}, or 200 {file, duplicate: true} when the same bytes are already attached.
 */
export const POST: RequestHandler = api(async ({ params, url, request, locals }) => {
	const t = createT(locals.locale);
	const q = parseQuery(url, evidenceQuerySchema);
	const limit = maxEvidenceBytes();
	const declared = Number(request.headers.get('content-length'));
	if (Number.isFinite(declared) && declared > limit)
		throw new ApiError(413, t('api.tooLarge', { max: formatBytes(limit) }));
	if (!request.body) throw new ApiError(400, t('api.emptyBody'));
	try {
		const result = await saveEvidence(
			await getDatabase(),
			{ assessmentId: idParam.parse(params.id), version: q.version, leafId: q.leaf, fileName: q.name },
			request.body,
			actorOf(locals),
			limit
		);
		return json(result, { status: result.duplicate ? 200 : 201 });
	} catch (error) {
		if (error instanceof EvidenceTooLargeError)
			throw new ApiError(413, t('api.tooLarge', { max: formatBytes(limit) }));
		throw error;
	}
});
