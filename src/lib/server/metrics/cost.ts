import type { CostDriverRow, CostMonthlyRow } from '$lib/domain/metrics/cost';
import { defectNamesSql } from '../catalogue/defect-codes';
import type { Plain } from '../db/values';
import { REPAIR_FILTERS, REPAIR_RATE_FILTERS, salesWhereSql } from './defects-sql';
import type { AnyMetricDefinition, MetricContext } from './definition';
import { COST_COLUMNS, repairSource } from './repair-rollups';
import { monthOfIndexSql, monthSql, Params } from './sql';

/**
 * The cost metric family: repair cost (parts + labor + logistics + other; a NULL cost counts as 0)
 * of the repairs received in the period (`from`/`to`, inclusive dates on `received_at`).
 */

const num = (v: Plain | undefined): number | null => (v === null || v === undefined ? null : Number(v));

/**
 * The summed cost of all four parts, optionally over the rows a condition keeps. Each column is summed
 * on its own (DuckDB widens a sum of DECIMAL(18,2) to DECIMAL(38,2)) and the sums are added: adding
 * the four parts row by row stays DECIMAL(18,2) and overflows on one extreme row.
 */
const totalSql = (where?: string) =>
	COST_COLUMNS.map((c) => `coalesce(sum(r.${c})${where ? ` FILTER (WHERE ${where})` : ''}, 0)`).join(' + ');

/** --by dimension → repairs column (identifiers only from this constant). */
const DRIVER_COLUMNS: Record<string, string> = {
	defect_code: 'defect_code',
	defect_category: 'defect_category',
	product_model: 'product_model',
	region: 'region',
	supplier: 'supplier',
	service_center: 'service_center',
	category: 'category'
};

/**
 * `cost.monthly`: by month received, a row for each month with at least one repair in the window.
 * - cost_per_repair = total ÷ repairs of the month.
 * - units_sold / revenue: sales rows of the same month (sales.period) with the same model / category /
 *   region filters; a month without sales rows has 0 units and 0 revenue. revenue is null when some
 *   of the month's sales rows have no revenue (unknown rather than understated).
 * - cost_per_unit_sold = total ÷ units_sold, revenue_share = total ÷ revenue; null when the
 *   denominator is 0 or unknown.
 * - The columns above count every repair. warranty_total / warranty_repairs: cost and count of the
 *   repairs in warranty (inWarrantySql; a repair with neither in_warranty nor sold_at counts in),
 *   warranty_cost_per_unit_sold = warranty_total ÷ units_sold (null as above), out_of_warranty_total
 *   = total − warranty_total. "Warranty cost" in the UI is warranty_total.
 * A `from`/`to` inside a month limits that month's repairs but not its sales (sales are monthly).
 * Filters: those that apply to sales as well (the denominators), and in_warranty (repairs only). A
 * supplier or service centre has no sales of its own, so those filters are refused rather than
 * dividing one partner's cost by everyone's sales (`cost.drivers --by supplier` gives cost per partner).
 */
async function monthly({ db, query, params }: MetricContext): Promise<CostMonthlyRow[]> {
	const p = new Params();
	const repairs = repairSource(p, db, query, params, { filters: REPAIR_RATE_FILTERS });
	const salesWhere = salesWhereSql(p, query);
	const inWarranty = repairs.inWarranty();
	const rows = await db.query(
		`WITH c AS (
			SELECT ${monthOfIndexSql(repairs.month)} AS m, ${repairs.count()} AS repairs,
				coalesce(sum(r.parts_cost), 0) AS parts,
				coalesce(sum(r.labor_cost), 0) AS labor,
				coalesce(sum(r.logistics_cost), 0) AS logistics,
				coalesce(sum(r.other_cost), 0) AS other,
				(${totalSql()}) AS total,
				(${totalSql(inWarranty)}) AS warranty_total,
				${repairs.count(inWarranty)} AS warranty_repairs
			FROM ${repairs.from} WHERE ${repairs.where} GROUP BY ${repairs.month}
		), u AS (
			SELECT CAST(date_trunc('month', s.period) AS DATE) AS m, sum(s.units) AS units_sold,
				CASE WHEN count(s.revenue) = count(*) THEN sum(s.revenue) END AS revenue
			FROM sales s WHERE ${salesWhere} AND CAST(date_trunc('month', s.period) AS DATE) IN (SELECT m FROM c)
			GROUP BY m
		)
		SELECT ${monthSql('c.m')} AS month, c.repairs, c.parts, c.labor, c.logistics, c.other, c.total,
			CAST(c.total AS DOUBLE) / c.repairs AS cost_per_repair,
			CAST(coalesce(u.units_sold, 0) AS BIGINT) AS units_sold,
			CAST(c.total AS DOUBLE) / NULLIF(u.units_sold, 0) AS cost_per_unit_sold,
			CASE WHEN u.m IS NULL THEN 0 ELSE u.revenue END AS revenue,
			CAST(c.total AS DOUBLE) / NULLIF(CASE WHEN u.m IS NULL THEN 0 ELSE u.revenue END, 0) AS revenue_share,
			c.warranty_total, c.warranty_repairs,
			CAST(c.warranty_total AS DOUBLE) / NULLIF(u.units_sold, 0) AS warranty_cost_per_unit_sold,
			c.total - c.warranty_total AS out_of_warranty_total
		FROM c LEFT JOIN u ON u.m = c.m
		ORDER BY c.m`,
		p.values
	);
	return rows.map((r) => ({
		month: String(r.month),
		repairs: Number(r.repairs),
		parts: Number(r.parts),
		labor: Number(r.labor),
		logistics: Number(r.logistics),
		other: Number(r.other),
		total: Number(r.total),
		cost_per_repair: num(r.cost_per_repair),
		units_sold: Number(r.units_sold),
		cost_per_unit_sold: num(r.cost_per_unit_sold),
		revenue: num(r.revenue),
		revenue_share: num(r.revenue_share),
		warranty_total: Number(r.warranty_total),
		warranty_repairs: Number(r.warranty_repairs),
		warranty_cost_per_unit_sold: num(r.warranty_cost_per_unit_sold),
		out_of_warranty_total: Number(r.out_of_warranty_total)
	}));
}

/**
 * `cost.drivers`: total cost of the window's repairs by the chosen dimension (default defect_code);
 * share = total ÷ the total of all keys (null when that is 0); repairs = repair orders. Sorted by total
 * descending, then key ascending; repairs without a value for the dimension form one row with key null,
 * placed after the others of the same total. By defect code, each row carries the code's dictionary
 * names (null without an entry, and for other dimensions).
 */
async function drivers({ db, query, params }: MetricContext): Promise<CostDriverRow[]> {
	const column = DRIVER_COLUMNS[query.by ?? 'defect_code'];
	if (!column) throw new Error(`cost.drivers: unknown dimension "${query.by}"`);
	const p = new Params();
	const repairs = repairSource(p, db, query, params, { by: [column] });
	const names = defectNamesSql(column === 'defect_code', 'g.key');
	const rows = await db.query(
		`WITH g AS (
			SELECT r.${column} AS key, (${totalSql()}) AS total, ${repairs.count()} AS repairs
			FROM ${repairs.from} WHERE ${repairs.where} GROUP BY r.${column}
		)
		SELECT g.key, ${names.columns}, g.total, CAST(g.total AS DOUBLE) / NULLIF(sum(g.total) OVER (), 0) AS share,
			g.repairs
		FROM g ${names.join} ORDER BY g.total DESC, g.key ASC NULLS LAST`,
		p.values
	);
	return rows.map((r) => ({
		key: r.key === null ? null : String(r.key),
		name_zh: r.name_zh === null ? null : String(r.name_zh),
		name_en: r.name_en === null ? null : String(r.name_en),
		total: Number(r.total),
		share: num(r.share),
		repairs: Number(r.repairs)
	}));
}

export const metrics = [
	{
		id: 'cost.monthly',
		rowPerMonth: {},
		dimensions: [],
		filters: REPAIR_RATE_FILTERS,
		uses: ['warranty_months_default', 'warranty_months'],
		run: monthly
	},
	{
		id: 'cost.drivers',
		dimensions: Object.keys(DRIVER_COLUMNS),
		filters: REPAIR_FILTERS,
		uses: [],
		run: drivers
	}
] satisfies AnyMetricDefinition[];
