/**
 * Repairs summed by month and a few columns (rollups), kept in an in-memory database of the DuckDB
 * instance: the defect series, cost, Pareto, repeat and MIS metrics (and the escalations' commendations)
 * of a period of whole months read tens of thousands of groups instead of every repair (113k groups for 5M repairs: 4 ms instead of 30 for a
 * model's year, 2 instead of 41 for the whole history). The server builds the rollups once per version
 * of the data and of the metric settings (the warranty rule decides `in_warranty`; summaries.ts); until
 * then, and for periods of days or columns no rollup holds, the repairs themselves are read.
 */
import { filterColumn, type FilterName, type MetricQuery } from '$lib/domain/metrics/query';
import type { Database } from '../db/connection';
import type { MetricParams } from './config';
import { REPAIR_FILTERS, repairsWhereSql } from './defects-sql';
import { monthIndexOf, wholeMonths } from './month-window';
import { SummaryStore } from './summary-store';
import { durationUs, inWarrantySql, monthIndexSql, Params, warrantyUnknownSql, whereSql } from './sql';

/** Repeat windows in days; a window of N days is N × 24 h (timestamps carry no time zone). */
export const REPEAT_DAYS = [30, 90] as const;

/**
 * The repair `r` came back within `days`: its serial's next repair (next_repair_at, kept by every import
 * over all repairs of the serial: db/repair-sequence.ts) is at most that much later. Integer
 * microseconds compare faster than timestamp + interval arithmetic.
 */
const repeatSql = (days: number) =>
	`epoch_us(r.next_repair_at) - epoch_us(r.received_at) <= ${durationUs(days, 'day')}`;

/** Cost columns of repairs; a rollup keeps each one's sum under the same name. */
export const COST_COLUMNS = ['parts_cost', 'labor_cost', 'logistics_cost', 'other_cost'] as const;

/**
 * The rollups and the columns each groups by besides the month and the warranty scope: one with the
 * service partners, one with the defect codes (both in one would be nearly a group per repair), one
 * with the month of sale (the MIS triangle). Filters and dimensions on other columns (symptom) read
 * the repairs.
 */
const ROLLUPS = [
	{
		name: 'repairs_by_partner',
		columns: ['product_model', 'category', 'region', 'supplier', 'service_center']
	},
	{
		name: 'repairs_by_defect',
		columns: ['product_model', 'category', 'region', 'defect_code', 'defect_category']
	},
	{ name: 'repairs_by_sale', columns: ['product_model', 'category', 'region', 'sold_mi'] }
] as const;

/** Columns a rollup groups by that are computed from a repair: the month of sale as monthIndexSql's integer. */
const COMPUTED: Record<string, string> = { sold_mi: `CAST(${monthIndexSql('r.sold_at')} AS INTEGER)` };

/** A column a rollup groups by, on the repair `r`. */
const repairColumn = (name: string) => COMPUTED[name] ?? `r.${name}`;

type Rollup = (typeof ROLLUPS)[number];

/** The in-memory database holding the rollups, attached once per instance. */
const SCHEMA = 'workbench_rollups';

/** The attaching of SCHEMA per database: two ATTACH IF NOT EXISTS at once fail ("already exists"). */
const attached = new WeakMap<Database, Promise<unknown>>();

function attachRollups(db: Database): Promise<unknown> {
	let attaching = attached.get(db);
	if (!attaching) {
		attaching = db.query(`ATTACH IF NOT EXISTS ':memory:' AS ${SCHEMA}`);
		attached.set(db, attaching);
		attaching.catch(() => attached.delete(db));
	}
	return attaching;
}

/**
 * Where a repair metric reads its repairs, aliased `r`, with the window and filters applied: the
 * repairs table, or a rollup. The metric writes its SQL once with these expressions.
 */
export interface RepairSource {
	/** The FROM item, aliased r. */
	from: string;
	/** Conditions of the window and filters, on r. */
	where: string;
	/** The repair's month as monthIndexSql's integer. */
	month: string;
	/** A column the metric groups by (`by` of repairSource), a computed one (sold_mi) included. */
	column(name: string): string;
	/** The warranty scope (inWarrantySql) and its unknown case (warrantyUnknownSql), on r. */
	inWarranty(): string;
	unknown(): string;
	/** The number of repairs, of those `condition` keeps when given; BIGINT, 0 for none. */
	count(condition?: string): string;
	/** The number of repairs that came back within `days` (repeatSql); BIGINT. */
	repeats(days: (typeof REPEAT_DAYS)[number]): string;
}

/** The repairs table itself: `filters` of the query (default REPAIR_FILTERS) on its records. */
function recordsSource(
	p: Params,
	query: MetricQuery,
	params: MetricParams,
	filters: readonly FilterName[] = REPAIR_FILTERS
): RepairSource {
	return {
		from: 'repairs r',
		where: repairsWhereSql(p, query, params, filters),
		month: monthIndexSql('r.received_at'),
		column: repairColumn,
		// Written when used: the rule's values are bound parameters, which a statement must use.
		inWarranty: () => inWarrantySql(p, params, 'r'),
		unknown: () => warrantyUnknownSql('r'),
		count: (condition) => `count(*)${condition ? ` FILTER (WHERE ${condition})` : ''}`,
		repeats: (days) => `count(*) FILTER (WHERE ${repeatSql(days)})`
	};
}

/**
 * Where to read the repairs of `query` from, given the repair columns the metric groups by (`by`):
 * a built rollup holding those and every active filter's column when the window is made of whole
 * months, else the repairs table (recordsSource).
 */
export function repairSource(
	p: Params,
	db: Database,
	query: MetricQuery,
	params: MetricParams,
	options: { filters?: readonly FilterName[]; by?: readonly string[] } = {}
): RepairSource {
	const filters = options.filters ?? REPAIR_FILTERS;
	const window = wholeMonths(query);
	const needed = [
		...(options.by ?? []),
		...filters.flatMap((name) => (query.filters[name] ? (filterColumn(name) ?? []) : []))
	];
	const rollup =
		window && ROLLUPS.find((r) => needed.every((c) => (r.columns as readonly string[]).includes(c)));
	const table = rollup && rollups.ready(db, rollupKey(rollup, params));
	if (!table) return recordsSource(p, query, params, filters);
	const conditions = [whereSql(p, query, { alias: 'r', filters, params, inWarranty: 'r.in_warranty' })];
	if (window.first) conditions.push(`r.mi >= ${p.add(monthIndexOf(window.first))}`);
	if (window.last) conditions.push(`r.mi <= ${p.add(monthIndexOf(window.last))}`);
	return {
		from: `${table} r`,
		where: conditions.join(' AND '),
		month: 'r.mi',
		column: (name) => `r.${name}`,
		inWarranty: () => 'r.in_warranty',
		unknown: () => 'r.warranty_unknown',
		count: (condition) =>
			`CAST(coalesce(sum(r.n)${condition ? ` FILTER (WHERE ${condition})` : ''}, 0) AS BIGINT)`,
		repeats: (days) => `CAST(coalesce(sum(r.repeat_${days}d), 0) AS BIGINT)`
	};
}

/** The rollup tables of the current data, by rollup and warranty rule; prepared by the server (summaries.ts). */
const rollups = new SummaryStore<string>((db, table) => {
	// A reading that picked the table just before keeps its snapshot; a failed drop only leaves memory used.
	db.query(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
});

const rollupKey = (rollup: Rollup, params: MetricParams) => JSON.stringify([rollup.name, params]);

/** Each build writes a table of its own, so a slow build of an older version never overwrites a newer one. */
let builds = 0;

/** Builds each repair rollup for the current data and settings, unless built; resolves when done. */
export async function prepareRepairRollups(db: Database, params: MetricParams): Promise<void> {
	await Promise.all(
		ROLLUPS.map((rollup) =>
			rollups.prepare(db, rollupKey(rollup, params), async () => {
				const table = `${SCHEMA}.${rollup.name}_${++builds}`;
				await buildRollup(db, rollup, table, params);
				return table;
			})
		)
	);
}

/**
 * Builds one rollup from the repairs into `table`: per month index `mi`, the rollup's columns and the
 * warranty scope, the number of repairs `n`, each cost column's sum (NULL when no repair of the group
 * has it, as sum() over the repairs gives) and the repeats within each of REPEAT_DAYS.
 */
async function buildRollup(db: Database, rollup: Rollup, table: string, params: MetricParams): Promise<void> {
	const p = new Params();
	const columns = rollup.columns.map((c) => `${repairColumn(c)} AS ${c}`).join(', ');
	const sums = COST_COLUMNS.map((c) => `sum(r.${c}) AS ${c}`).join(', ');
	const repeats = REPEAT_DAYS.map(
		(days) => `count(*) FILTER (WHERE ${repeatSql(days)}) AS repeat_${days}d`
	).join(', ');
	await attachRollups(db);
	await db.query(
		`CREATE TABLE ${table} AS
		SELECT CAST(${monthIndexSql('r.received_at')} AS INTEGER) AS mi, ${columns},
			${inWarrantySql(p, params, 'r')} AS in_warranty, ${warrantyUnknownSql('r')} AS warranty_unknown,
			count(*) AS n, ${sums}, ${repeats}
		FROM repairs r GROUP BY ALL ORDER BY mi`,
		p.values
	);
}
