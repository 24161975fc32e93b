import { json } from '@sveltejs/kit';
import { api } from '$lib/server/http/api';
import { metricInfos } from '$lib/server/metrics/registry';
import type { RequestHandler } from './$types';

/** Every metric with its title, unit, definition, dimensions, filters and the targets it uses. */
export const GET: RequestHandler = api(async () => json({ metrics: await metricInfos() }));
