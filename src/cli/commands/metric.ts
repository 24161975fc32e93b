import {
	FILTER_NAMES,
	type FilterName,
	type MetricQuery,
	type MetricResult,
	type MetricRow
} from '$lib/domain/metrics/query';
import { metricIds, runMetric } from '$lib/server/metrics/registry';
import { expectArgs, parseCommand } from '../args';
import { openTarget } from '../forward';
import { CliError, cliText, usageBlock } from '../output';

const usage = () =>
	usageBlock('system.cli.metricUsage', { metrics: metricIds().join(', '), filters: FILTER_NAMES.join(', ') });

/** "--filter DIM=VALUE" entries, repeatable; the same DIM twice means either value. */
export function parseFilters(entries: string[]): MetricQuery['filters'] {
	const filters: MetricQuery['filters'] = {};
	for (const entry of entries) {
		const at = entry.indexOf('=');
		const name = entry.slice(0, at).trim();
		if (at <= 0 || !FILTER_NAMES.includes(name as FilterName)) {
			throw new CliError('system.cli.badFilter', { dims: FILTER_NAMES.join(', '), entry });
		}
		(filters[name as FilterName] ??= []).push(entry.slice(at + 1).trim());
	}
	return filters;
}

/** The query as GET /api/metrics/[id] reads it (parseMetricQuery): a key per filter value. */
function searchOf(query: MetricQuery): URLSearchParams {
	const search = new URLSearchParams();
	for (const name of ['from', 'to', 'by'] as const) if (query[name]) search.set(name, query[name]);
	for (const [name, values] of Object.entries(query.filters)) for (const v of values) search.append(name, v);
	return search;
}

function table(rows: MetricRow[]): string {
	if (!rows.length) return cliText('system.cli.noRows');
	const columns = Object.keys(rows[0]);
	const cell = (v: unknown) =>
		v === null
			? ''
			: Array.isArray(v)
				? v.join(',')
				: typeof v === 'number'
					? String(Math.round(v * 10000) / 10000)
					: String(v);
	const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
	const line = (cells: string[]) =>
		cells
			.map((c, i) => c.padEnd(widths[i]))
			.join('  ')
			.trimEnd();
	return [
		line(columns),
		line(widths.map((w) => '-'.repeat(w))),
		...rows.map((r) => line(columns.map((c) => cell(r[c]))))
	].join('\n');
}

export async function runMetricCommand(args: string[]): Promise<void> {
	const { values, positionals } = parseCommand(
		args,
		{
			from: { type: 'string' },
			to: { type: 'string' },
			by: { type: 'string' },
			filter: { type: 'string', multiple: true },
			json: { type: 'boolean' },
			token: { type: 'string' }
		},
		usage
	);
	const [id] = expectArgs(positionals, ['ID'], usage);
	const query: MetricQuery = {
		from: values.from,
		to: values.to,
		by: values.by,
		filters: parseFilters(values.filter ?? [])
	};
	const target = await openTarget(values.token);
	const result = target.db
		? await runMetric(target.db, id, query)
		: await target.server.json<MetricResult>(`/api/metrics/${encodeURIComponent(id)}?${searchOf(query)}`);
	process.stdout.write(values.json ? `${JSON.stringify(result)}\n` : `${table(result.rows)}\n`);
}
