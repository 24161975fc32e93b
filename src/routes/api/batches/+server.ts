import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { api, parseQuery } from '$lib/server/http/api';
import { listBatches } from '$lib/server/ingest';
import type { RequestHandler } from './$types';

const query = z.object({ limit: z.coerce.number().int().min(1).max(10_000).default(200) });

/** Import history, newest first. */
export const GET: RequestHandler = api(async ({ url, locals }) => {
	const { limit } = parseQuery(url, query);
	return json(await listBatches(locals.db, limit));
});
