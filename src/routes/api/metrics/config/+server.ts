import { json } from '@sveltejs/kit';
import { api, parseJson } from '$lib/server/http/api';
import { loadMetricConfig, metricConfigSchema, updateMetricConfig } from '$lib/server/metrics/config';
import type { RequestHandler } from './$types';

/** The editable metric configuration: targets, thresholds and the definitions users read. */
export const GET: RequestHandler = api(async () => json(await loadMetricConfig()));

export const PUT: RequestHandler = api(async ({ request, locals }) =>
	json(
		await updateMetricConfig(locals.db, await parseJson(request, metricConfigSchema, locals.locale), 'web')
	)
);
