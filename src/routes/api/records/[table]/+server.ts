import { z } from 'zod';
import { parseRule, type RecordRule } from '$lib/domain/metrics/record-rules';
import { api } from '$lib/server/http/api';
import { parseMetricQuery } from '$lib/server/http/metric-query';
import { MetricQueryError } from '$lib/server/metrics/errors';
import { MAX_RECORDS, recordsArrow, recordsCount } from '$lib/server/metrics/records';
import { exportRecords } from '$lib/server/metrics/records-export';
import type { RequestHandler } from './$types';

const EXTRA = ['limit', 'offset', 'sort', 'dir', 'rule', 'format', 'columns'] as const;

const optionsSchema = z.object({
	limit: z.coerce.number().int().min(1).max(MAX_RECORDS).default(1000),
	offset: z.coerce.number().int().min(0).default(0),
	sort: z
		.string()
		.regex(/^[a-z_]+$/)
		.optional(),
	dir: z.enum(['asc', 'desc']).default('asc'),
	format: z.enum(['arrow', 'csv', 'xlsx']).default('arrow'),
	columns: z
		.string()
		.regex(/^[a-z_]+(,[a-z_]+)*$/)
		.optional()
});

function rules(table: string, search: URLSearchParams): RecordRule[] {
	return search.getAll('rule').map((text) => {
		const rule = parseRule(table, text);
		if ('error' in rule) throw new MetricQueryError(rule.error.key, rule.error.params);
		return rule;
	});
}

/**
 * Records of a table as an Arrow IPC stream (decode with apache-arrow's tableFromIPC), with the
 * selection's size in X-Record-Count; with format=csv|xlsx the whole selection as a download.
 */
export const GET: RequestHandler = api(async ({ params, url, locals }) => {
	const search = url.searchParams;
	const query = parseMetricQuery(search, locals.user, EXTRA);
	const options = optionsSchema.parse(
		Object.fromEntries(EXTRA.map((name) => [name, search.get(name) ?? undefined]))
	);
	const selection = {
		rules: rules(params.table, search),
		sort: options.sort ? { column: options.sort, dir: options.dir } : undefined,
		locale: locals.locale
	};
	if (options.format !== 'arrow') {
		const file = await exportRecords(locals.db, params.table, query, {
			...selection,
			columns: options.columns?.split(','),
			format: options.format,
			today: new Date().toISOString().slice(0, 10)
		});
		return new Response(file.body, {
			headers: {
				'content-type': file.contentType,
				'content-disposition': `attachment; filename="${file.fileName}"`,
				'x-record-count': String(file.count)
			}
		});
	}
	const [body, count] = await Promise.all([
		recordsArrow(locals.db, params.table, query, {
			...selection,
			limit: options.limit,
			offset: options.offset
		}),
		recordsCount(locals.db, params.table, query, selection)
	]);
	return new Response(body as Uint8Array<ArrayBuffer>, {
		headers: { 'content-type': 'application/vnd.apache.arrow.stream', 'x-record-count': String(count) }
	});
});
