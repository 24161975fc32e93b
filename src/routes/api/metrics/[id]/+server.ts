import { json } from '@sveltejs/kit';
import { api } from '$lib/server/http/api';
import { parseMetricQuery } from '$lib/server/http/metric-query';
import { runMetric } from '$lib/server/metrics/registry';
import type { RequestHandler } from './$types';

/** The same JSON as `workbench metric ID --json`. */
export const GET: RequestHandler = api(async ({ params, url, locals }) =>
	json(await runMetric(locals.db, params.id, parseMetricQuery(url.searchParams, locals.user)))
);
