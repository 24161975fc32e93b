/**
 * The audit log as the admin page lists it and auditors export it: filtered by actor, action, date
 * range and free text (in the entity, its id, the detail or the origin), newest first, a page at a
 * time; the same filter exports every matching entry as CSV (UTF-8 BOM, formula-safe) or XLSX.
 */
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { toSafeCsv, neutraliseCell } from '$lib/domain/csv-safe';
import { daySchema } from '$lib/domain/dates';
import type { Database } from '../db/connection';
import { AUDIT_COLUMNS, auditRow, type AuditRow } from './rows';

/** The page's GET form sends its empty fields as `from=&q=`: empty means no filter. */
const blankless = <S extends z.ZodType>(schema: S) =>
	z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());
const day = blankless(daySchema);
const text = blankless(z.string().trim().max(200));

export const auditQuerySchema = z.object({
	actor: text,
	action: text,
	from: day,
	to: day,
	q: text,
	page: z.coerce.number().int().min(1).max(1_000_000).default(1)
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const AUDIT_PAGE_SIZE = 50;
/** An export holds at most this many entries (the newest); the file says so when cut. */
export const AUDIT_EXPORT_MAX = 100_000;

/** The WHERE clause of a query and its parameters; every value is bound, never spliced. */
function where(query: AuditQuery): { sql: string; params: string[] } {
	const parts: string[] = [];
	const params: string[] = [];
	const bind = (value: string) => `$${params.push(value)}`;
	if (query.actor) parts.push(`actor = ${bind(query.actor)}`);
	if (query.action) parts.push(`action = ${bind(query.action)}`);
	if (query.from) parts.push(`"at" >= CAST(${bind(query.from)} AS DATE)`);
	if (query.to) parts.push(`"at" < CAST(${bind(query.to)} AS DATE) + INTERVAL 1 DAY`);
	if (query.q) {
		const needle = bind(query.q.toLowerCase());
		parts.push(
			`(contains(lower(entity), ${needle}) OR contains(lower(coalesce(entity_id, '')), ${needle})
			  OR contains(lower(CAST(detail AS VARCHAR)), ${needle}) OR contains(lower(coalesce(origin, '')), ${needle}))`
		);
	}
	return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

async function select(db: Database, query: AuditQuery, limit: number, offset: number): Promise<AuditRow[]> {
	const { sql, params } = where(query);
	const rows = await db.query(
		`SELECT ${AUDIT_COLUMNS} FROM audit_log ${sql} ORDER BY id DESC
		 LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
		[...params, limit, offset]
	);
	return rows.map(auditRow);
}

/** One page of matching entries, newest first, with the number of matches and the filter choices. */
export async function listAudit(db: Database, query: AuditQuery) {
	const { sql, params } = where(query);
	const [[count], actors, actions] = await Promise.all([
		db.query(`SELECT count(*) AS n FROM audit_log ${sql}`, params),
		db.query('SELECT DISTINCT actor FROM audit_log ORDER BY actor'),
		db.query('SELECT DISTINCT action FROM audit_log ORDER BY action')
	]);
	const total = Number(count.n);
	const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
	const page = Math.min(query.page, pages);
	return {
		entries: await select(db, query, AUDIT_PAGE_SIZE, (page - 1) * AUDIT_PAGE_SIZE),
		total,
		page,
		pages,
		actors: actors.map((r) => String(r.actor)),
		actions: actions.map((r) => String(r.action))
	};
}

const COLUMNS = ['id', 'at', 'actor', 'action', 'entity', 'entity_id', 'origin', 'detail'] as const;
const cells = (r: AuditRow) => [r.id, r.at, r.actor, r.action, r.entity, r.entityId, r.origin, r.detail];

/** Every matching entry (up to AUDIT_EXPORT_MAX, newest first) as a file: CSV or XLSX. */
export async function exportAudit(
	db: Database,
	query: AuditQuery,
	format: 'csv' | 'xlsx'
): Promise<{ bytes: Uint8Array; mediaType: string; fileName: string }> {
	const rows = await select(db, query, AUDIT_EXPORT_MAX, 0);
	const stamp = new Date().toISOString().slice(0, 10);
	if (format === 'csv') {
		const csv = toSafeCsv(rows.map(cells), { header: COLUMNS, bom: true });
		return {
			bytes: new TextEncoder().encode(csv),
			mediaType: 'text/csv; charset=utf-8',
			fileName: `audit-log-${stamp}.csv`
		};
	}
	const book = new ExcelJS.Workbook();
	const sheet = book.addWorksheet('audit_log', { views: [{ state: 'frozen', ySplit: 1 }] });
	sheet.columns = COLUMNS.map((key) => ({ header: key, key, width: key === 'detail' ? 80 : 20 }));
	sheet.getRow(1).font = { bold: true };
	for (const r of rows) {
		// Typed cells: id a number, the time a date (its clock digits as UTC: Excel has no zones, so the
		// cell shows the same local time as the page); text neutralised like the CSV's.
		sheet.addRow([r.id, new Date(`${r.at.replace(' ', 'T')}Z`), ...cells(r).slice(2).map(neutraliseCell)]);
	}
	sheet.getColumn(2).numFmt = 'yyyy-mm-dd hh:mm:ss';
	return {
		bytes: new Uint8Array(await book.xlsx.writeBuffer()),
		mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		fileName: `audit-log-${stamp}.xlsx`
	};
}
