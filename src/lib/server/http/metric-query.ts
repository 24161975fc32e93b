import { z } from 'zod';
import { FILTER_NAMES, type MetricQuery } from '$lib/domain/metrics/query';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

/**
 * `?from=&to=&by=&model=A&model=B&region=…`: filter names are query keys (repeat a key for several
 * values). Unknown keys are refused rather than ignored, so a typo never silently widens a result.
 */
export function parseMetricQuery(search: URLSearchParams, extra: readonly string[] = []): MetricQuery {
	const known = new Set<string>(['from', 'to', 'by', ...FILTER_NAMES, ...extra]);
	const unknown = [...new Set(search.keys())].filter((k) => !known.has(k));
	if (unknown.length) {
		throw new z.ZodError([
			{
				code: 'custom',
				path: [unknown[0]],
				message: `unknown parameter; use from, to, by, ${FILTER_NAMES.join(', ')}`,
				input: unknown[0]
			}
		]);
	}
	const filters: MetricQuery['filters'] = {};
	for (const name of FILTER_NAMES) {
		const values = search.getAll(name).filter((v) => v !== '');
		if (values.length) filters[name] = values;
	}
	return {
		from: search.get('from') ? date.parse(search.get('from')) : undefined,
		to: search.get('to') ? date.parse(search.get('to')) : undefined,
		by: search.get('by') || undefined,
		filters
	};
}
