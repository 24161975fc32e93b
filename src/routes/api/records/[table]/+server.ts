import { z } from 'zod';
import { api } from '$lib/server/http/api';
import { parseMetricQuery } from '$lib/server/http/metric-query';
import { MAX_RECORDS, recordsArrow } from '$lib/server/metrics/records';
import type { RequestHandler } from './$types';

const pageSchema = z.object({
	limit: z.coerce.number().int().min(1).max(MAX_RECORDS).default(1000),
	offset: z.coerce.number().int().min(0).default(0)
});

/** Drill-down records as an Arrow IPC stream (decode with apache-arrow's tableFromIPC). */
export const GET: RequestHandler = api(async ({ params, url, locals }) => {
	const query = parseMetricQuery(url.searchParams, locals.user, ['limit', 'offset']);
	const page = pageSchema.parse({
		limit: url.searchParams.get('limit') ?? undefined,
		offset: url.searchParams.get('offset') ?? undefined
	});
	const body = await recordsArrow(locals.db, params.table, query, page);
	return new Response(body as Uint8Array<ArrayBuffer>, {
		headers: { 'content-type': 'application/vnd.apache.arrow.stream' }
	});
});
