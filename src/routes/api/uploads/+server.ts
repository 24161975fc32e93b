import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { api, parseQuery } from '$lib/server/http/api';
import { receiveUpload } from '$lib/server/ingest';
import type { RequestHandler } from './$types';

const query = z.object({ name: z.string().trim().min(1).max(255) });

/** Body = the raw file bytes, streamed to disk. → {uploadId, name, size} */
export const POST: RequestHandler = api(async ({ request, url }) => {
	const { name } = parseQuery(url, query);
	const upload = await receiveUpload(request, name);
	return json({ uploadId: upload.id, name: upload.name, size: upload.size }, { status: 201 });
});
