import { error } from '@sveltejs/kit';
import { parseRule, type RecordRule } from '$lib/domain/metrics/record-rules';
import { KIND_DEFS, KINDS } from '$lib/domain/records';
import { createT } from '$lib/i18n';
import { OPTION_TABLES } from '$lib/domain/metrics/filter-options';
import { pageQuery } from '$lib/server/http/metric-query';
import { filterOptions } from '$lib/server/metrics/filter-options';
import { recordFilters } from '$lib/server/metrics/records';
import type { PageServerLoad } from './$types';

/** The records view of one table: its period, filters and rules from the URL (as the records API takes them). */
export const load: PageServerLoad = async ({ params, url, locals }) => {
	const kind = KINDS.find((k) => KIND_DEFS[k].table === params.table);
	const t = createT(locals.locale);
	if (!kind) error(404, t('records.unknownTable', { table: params.table, tables: KINDS.map((k) => KIND_DEFS[k].table).join(', ') }));
	const query = pageQuery(url, locals, ['rule']);
	const rules: RecordRule[] = url.searchParams.getAll('rule').map((text) => {
		const rule = parseRule(params.table, text);
		if ('error' in rule) error(400, t('query.invalid', { detail: rule.error.in(locals.locale) }));
		return rule;
	});
	const tables = OPTION_TABLES.filter((t) => t === params.table);
	const options = await filterOptions(locals.db, tables, query);
	return { table: params.table, kind, query, rules, filters: recordFilters(kind), options };
};
