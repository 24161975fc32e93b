import { limitToScope } from '$lib/domain/auth/scope';
import type { LateComplaintRow } from '$lib/domain/metrics/complaints';
import type { MetricQuery } from '$lib/domain/metrics/query';
import type { Database } from '../db/connection';
import { COMPLAINT_FILTERS } from './complaints-counts';
import { loadMetricConfig } from './config';
import { asOfSql } from './periods';
import { durationUs, Params, US_PER, whereSql } from './sql';

/**
 * The complaints received in the window that count as not resolved within target in complaints.sla:
 * resolved more than resolution_target_hours after received, or unresolved with that deadline passed
 * by the complaints' as-of time (their latest received_at). Their number is the month's
 * resolution-known complaints minus those within target. A list of records, not a metric: the
 * complaint office follows each case up. Limited to the user's scope the query carries. Ordered by
 * received time, then id.
 */
export async function lateComplaints(db: Database, query: MetricQuery): Promise<LateComplaintRow[]> {
	const { params } = await loadMetricConfig();
	const p = new Params();
	const scoped = limitToScope('complaints', COMPLAINT_FILTERS, query);
	const where = whereSql(p, scoped, { alias: 'c', dateColumn: 'received_at', filters: COMPLAINT_FILTERS });
	const target = p.add(durationUs(params.resolution_target_hours, 'hour'));
	const sql = `
		SELECT c.complaint_id, strftime(c.received_at, '%Y-%m-%d %H:%M:%S') AS received_at,
			strftime(c.resolved_at, '%Y-%m-%d %H:%M:%S') AS resolved_at,
			CAST(epoch_us(c.resolved_at) - epoch_us(c.received_at) AS DOUBLE) / ${US_PER.hour} AS hours,
			c.category, c.channel, c.severity, c.product_model, c.supplier, c.region
		FROM (
			SELECT c.*, epoch_us(coalesce(c.resolved_at, ${asOfSql('complaint')})) - epoch_us(c.received_at) AS taken_us
			FROM complaints c WHERE ${where}
		) c
		WHERE taken_us > ${target}
		ORDER BY c.received_at, c.complaint_id`;
	// The SELECT list above is the row: its columns, in its order.
	return (await db.query(sql, p.values)) as LateComplaintRow[];
}
