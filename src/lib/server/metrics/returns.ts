import type { ReturnsMonthlyRow } from '$lib/domain/metrics/returns';
import { returnsBreakdown } from './breakdowns';
import type { AnyMetricDefinition, MetricDefinition } from './definition';
import { asOfSql } from './periods';
import { durationUs, Params, monthGridSql, monthSql, whereSql, monthIndexSql, monthOfIndexSql } from './sql';

/**
 * returns.monthly — by month of requested_at: returns (records), units_sold (sales of the calendar month,
 * same model/region/channel filters), return_rate = returns ÷ units_sold, exchanges, refunds, and the
 * shares of the month's returns whose counter handling (requested → counter_done_at) and inspection
 * (requested → inspected_at) took at most the configured minutes.
 * inspection_within_target_share_excl_refunds is the inspection share over the returns that are not refunds
 * (refunds usually send no goods back, so they have no inspection and would depress the share by their mix).
 *
 * A share counts a return once its outcome is known: it has the time (within target or late), or has none
 * and its deadline (requested_at + target) has passed by the returns' as-of time (the latest requested_at
 * of all returns, periods.ts), which makes it late. The others are pending: `pending` for the inspection
 * shares, `counter_pending` for the counter share.
 *
 * Months: every month from the first to the last month with a return in the filtered window (a month
 * without returns inside that span appears with 0 and null shares).
 *
 * Supplier: sales carry no supplier, so with a supplier filter the returns and shares are the supplier's,
 * while units_sold and return_rate are null (there is no per-supplier denominator).
 *
 * units_sold is the whole calendar month's sales even when --from/--to cut the month; a month without
 * sales rows has units_sold 0 and return_rate null.
 */
const monthly: MetricDefinition<'returns.monthly'> = {
	id: 'returns.monthly',
	rowPerMonth: { recordsColumn: 'returns' },
	dimensions: [],
	filters: ['model', 'region', 'channel', 'supplier'],
	uses: ['counter_target_minutes', 'inspection_target_minutes'],
	async run({ db, query, params }) {
		const p = new Params();
		const where = whereSql(p, query, {
			alias: 'r',
			dateColumn: 'requested_at',
			filters: ['model', 'region', 'channel', 'supplier']
		});
		const salesWhere = whereSql(
			p,
			{ filters: query.filters },
			{ alias: 's', filters: ['model', 'region', 'channel'] }
		);
		const counter = p.add(durationUs(params.counter_target_minutes, 'minute'));
		const inspection = p.add(durationUs(params.inspection_target_minutes, 'minute'));
		const bySupplier = Boolean(query.filters.supplier?.length);
		const units = bySupplier ? 'CAST(NULL AS BIGINT)' : 'coalesce(s.units, 0)';
		const sql = `
			WITH r AS (
				SELECT ${monthIndexSql('r.requested_at')} AS mi, r.return_type,
					epoch_us(r.counter_done_at) - epoch_us(r.requested_at) AS counter_us,
					epoch_us(r.inspected_at) - epoch_us(r.requested_at) AS inspection_us,
					epoch_us(${asOfSql('return')}) - epoch_us(r.requested_at) AS age_us
				FROM returns r WHERE ${where}
			),
			known AS (
				SELECT *, counter_us IS NOT NULL OR age_us > ${counter} AS counter_known,
					inspection_us IS NOT NULL OR age_us > ${inspection} AS inspection_known
				FROM r
			),
			agg AS (
				SELECT ${monthOfIndexSql('mi')} AS m, count(*) AS returns,
					count(*) FILTER (WHERE return_type = 'exchange') AS exchanges,
					count(*) FILTER (WHERE return_type = 'refund') AS refunds,
					count(*) FILTER (WHERE counter_us <= ${counter}) AS counter_ok,
					count(*) FILTER (WHERE counter_known) AS counter_known,
					count(*) FILTER (WHERE inspection_us <= ${inspection}) AS inspection_ok,
					count(*) FILTER (WHERE inspection_known) AS inspection_known,
					count(*) FILTER (WHERE inspection_known AND return_type IS DISTINCT FROM 'refund') AS inspectable,
					count(*) FILTER (WHERE inspection_us <= ${inspection} AND return_type IS DISTINCT FROM 'refund')
						AS inspectable_ok
				FROM known GROUP BY mi
			),
			months AS (
				${monthGridSql('agg')}
			),
			s AS (
				SELECT CAST(s.period AS DATE) AS m, CAST(sum(s.units) AS BIGINT) AS units
				FROM sales s WHERE ${salesWhere} AND s.period IN (SELECT m FROM months) GROUP BY 1
			),
			joined AS (
				SELECT months.m, coalesce(agg.returns, 0) AS returns, ${units} AS units_sold,
					coalesce(agg.exchanges, 0) AS exchanges, coalesce(agg.refunds, 0) AS refunds,
					agg.counter_ok, agg.counter_known, agg.inspection_ok, agg.inspection_known, agg.inspectable,
					agg.inspectable_ok
				FROM months LEFT JOIN agg USING (m) LEFT JOIN s USING (m)
			)
			SELECT ${monthSql('m')} AS month, returns, units_sold,
				CAST(returns AS DOUBLE) / nullif(units_sold, 0) AS return_rate,
				exchanges, refunds,
				CAST(counter_ok AS DOUBLE) / nullif(counter_known, 0) AS counter_within_target_share,
				CAST(inspection_ok AS DOUBLE) / nullif(inspection_known, 0) AS inspection_within_target_share,
				CAST(inspectable_ok AS DOUBLE) / nullif(inspectable, 0) AS inspection_within_target_share_excl_refunds,
				coalesce(returns - inspection_known, 0) AS pending,
				coalesce(returns - counter_known, 0) AS counter_pending
			FROM joined ORDER BY m`;
		// The SELECT list above is the row: its columns, in its order.
		return (await db.query(sql, p.values)) as ReturnsMonthlyRow[];
	}
};

/** The returns metric family. */
export const metrics = [monthly, returnsBreakdown] satisfies AnyMetricDefinition[];
