import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { OPTION_TABLES } from '$lib/domain/metrics/filter-options';
import { api } from '$lib/server/http/api';
import { parseMetricQuery } from '$lib/server/http/metric-query';
import { filterOptions } from '$lib/server/metrics/filter-options';
import type { RequestHandler } from './$types';

const tablesSchema = z.array(z.enum(OPTION_TABLES)).min(1);

/**
 * The filter bar's choices: `?table=repairs&table=returns&from=&to=&model=…` → per filter its values
 * with record counts, each narrowed by the period and the other filters (FilterOptions).
 */
export const GET: RequestHandler = api(async ({ url, locals }) => {
	const tables = tablesSchema.parse(url.searchParams.getAll('table'));
	const query = parseMetricQuery(url.searchParams, locals.user, ['table']);
	return json(await filterOptions(locals.db, [...new Set(tables)], query));
});
