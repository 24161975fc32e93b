import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { scopeQuery } from '$lib/domain/auth/scope';
import { NO_SCOPE, type SessionUser } from '$lib/domain/auth/user';
import { daySchema } from '$lib/domain/dates';
import { FILTER_NAMES, type MetricQuery } from '$lib/domain/metrics/query';
import { createT, type Locale } from '$lib/i18n';
import { MetricQueryError } from '$lib/server/metrics/errors';

/**
 * The from/to values. One in the wrong form is a malformed query (a zod error, as for any
 * parameter); a well-formed day that does not exist (2024-02-30) is refused as the registry refuses
 * it. Forms are checked first, so a query with both faults reports the form.
 */
function days(search: URLSearchParams): Pick<MetricQuery, 'from' | 'to'> {
	const checked = (['from', 'to'] as const).map((name) => {
		const value = search.get(name) || undefined;
		return { name, value, result: value === undefined ? undefined : daySchema.safeParse(value) };
	});
	for (const { result } of checked) {
		// A value of the wrong form fails both checks of daySchema; the first says what form to use.
		const first = result?.error?.issues[0];
		if (first && first.code !== 'custom') throw new z.ZodError([first]);
	}
	for (const { name, value, result } of checked) {
		if (result?.error) throw new MetricQueryError('metric.badDate', { name, value: value! });
	}
	return { from: checked[0].value, to: checked[1].value };
}

/** Who a query is run for: the reader's language and the signed-in user (null: nobody, whole company). */
export interface QueryAsker {
	locale: Locale;
	user: SessionUser | null;
}

/**
 * `?from=&to=&by=&model=A&model=B&region=…`: filter names are query keys (repeat a key for several
 * values). Unknown keys are refused rather than ignored, so a typo never silently widens a result.
 * The query is limited to the user's scope (scopeQuery): a request never reads beyond it.
 */
export function parseMetricQuery(
	search: URLSearchParams,
	user: SessionUser | null,
	extra: readonly string[] = []
): MetricQuery {
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
	const query = { ...days(search), by: search.get('by') || undefined, filters };
	return scopeQuery(query, user?.scope ?? NO_SCOPE);
}

/** The query of an analytics page; a malformed one is a 400 whose message the page shows. */
export function pageQuery(url: URL, asker: QueryAsker, extra: readonly string[] = []): MetricQuery {
	const invalid = (detail: string) => error(400, createT(asker.locale)('query.invalid', { detail }));
	try {
		return parseMetricQuery(url.searchParams, asker.user, extra);
	} catch (e) {
		if (e instanceof z.ZodError) invalid(e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
		if (e instanceof MetricQueryError && e.key === 'metric.badDate')
			invalid(`${e.params.name}: no such date "${e.params.value}"`);
		throw e;
	}
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The overview's query: `?month=YYYY-MM` (default: each kind's latest complete month) reads up to the end of
 * that month; the month's figures are compared with earlier months, so no `from` applies.
 */
export function overviewQuery(url: URL, asker: QueryAsker): { query: MetricQuery; month: string | null } {
	const query = pageQuery(url, asker, ['month']);
	const month = url.searchParams.get('month') || null;
	if (month !== null && !MONTH.test(month))
		error(400, createT(asker.locale)('query.invalid', { detail: `month: YYYY-MM, got "${month}"` }));
	if (month) {
		const [y, m] = month.split('-').map(Number);
		query.from = undefined;
		query.to = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
	}
	return { query, month };
}
