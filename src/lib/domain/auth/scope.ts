/**
 * A user's scope (regions and/or product models) as metric filters: the one rule every metric, record,
 * export and report a scoped user runs goes through (the registry, the records and the reports apply it).
 */
import { UserError } from '$lib/domain/errors';
import type { FilterName, MetricQuery } from '$lib/domain/metrics/query';
import type { Translate } from '$lib/i18n';
import type { UserScope } from './user';

/** The filters a scope limits, each with the list of the scope that limits it. */
export const SCOPE_FILTERS = { region: 'regions', model: 'models' } as const satisfies Partial<
	Record<FilterName, keyof UserScope>
>;
type ScopeFilter = keyof typeof SCOPE_FILTERS;
const SCOPE_FILTER_NAMES = Object.keys(SCOPE_FILTERS) as ScopeFilter[];

/** A request refused because the user's scope cannot be applied to it (HTTP 403). */
export class ScopeError extends UserError {}

/** The filters this scope limits: those whose list is non-empty. */
export const scopeLimits = (scope: UserScope | undefined): ScopeFilter[] =>
	scope ? SCOPE_FILTER_NAMES.filter((name) => scope[SCOPE_FILTERS[name]].length > 0) : [];

export const isScoped = (scope: UserScope | undefined): scope is UserScope => scopeLimits(scope).length > 0;

/**
 * The query limited to the scope, and carrying it (so the registry can check each metric can honour
 * it). On a scoped dimension the user's own filter keeps only its values inside the scope; when none
 * is left the filter is an empty list, which matches no record (whereSql) — the result is empty,
 * never widened. Applying the same scope again changes nothing.
 */
export function scopeQuery(query: MetricQuery, scope: UserScope): MetricQuery {
	const limits = scopeLimits(scope);
	if (!limits.length) return query;
	if (isScoped(query.scope) && JSON.stringify(query.scope) !== JSON.stringify(scope))
		throw new Error('scopeQuery: the query carries another scope already');
	const filters = { ...query.filters };
	for (const name of limits) {
		const allowed = new Set(scope[SCOPE_FILTERS[name]]);
		const asked = filters[name];
		filters[name] = asked ? asked.filter((v) => allowed.has(v)) : [...allowed];
	}
	return { ...query, filters, scope };
}

/**
 * The query `what` (a metric id or a table, accepting the filters `accepted`) runs: limited to the
 * scope the query carries, or refused when one of the scope's dimensions is not among its filters —
 * answering would show figures outside the scope.
 */
export function limitToScope(what: string, accepted: readonly FilterName[], query: MetricQuery): MetricQuery {
	if (!isScoped(query.scope)) return query;
	const missing = scopeLimits(query.scope).find((name) => !accepted.includes(name));
	if (missing) throw new ScopeError('scope.unscopable', { what, dimension: missing });
	return scopeQuery(query, query.scope);
}

/**
 * Whether what was made under the scope `made` (a stored report, a schedule's owner) lies within
 * `viewer`'s scope: on each dimension the viewer is limited on, `made` is limited too, to a subset of
 * the viewer's values. A viewer with no scope sees everything; what was made company-wide is seen
 * only by such a viewer.
 */
export function withinScope(made: UserScope, viewer: UserScope): boolean {
	return scopeLimits(viewer).every((name) => {
		const key = SCOPE_FILTERS[name];
		const allowed = new Set(viewer[key]);
		return made[key].length > 0 && made[key].every((value) => allowed.has(value));
	});
}

/** "大区：华东；产品型号：A", or "全公司": a scope as the report cover and the report lists say it. */
export function scopeText(scope: UserScope, t: Translate): string {
	if (!isScoped(scope)) return t('scope.whole');
	return [
		scope.regions.length ? t('scope.regions', { list: scope.regions.join(', ') }) : null,
		scope.models.length ? t('scope.models', { list: scope.models.join(', ') }) : null
	]
		.filter((part) => part !== null)
		.join('; ');
}

/** Refuses to a scoped user what covers the whole company and cannot be limited (the message `key` says what). */
export function assertWholeCompany(
	scope: UserScope | undefined,
	key: 'scope.rejectedRows' | 'scope.auditPack'
) {
	if (isScoped(scope)) throw new ScopeError(key);
}
