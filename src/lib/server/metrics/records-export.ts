import { PassThrough, Readable } from 'node:stream';
import { tableFromIPC } from 'apache-arrow';
import ExcelJS from 'exceljs';
import { toSafeCsv } from '$lib/domain/csv-safe';
import type { MetricQuery } from '$lib/domain/metrics/query';
import { KIND_DEFS, KINDS, type FieldType } from '$lib/domain/records';
import { fieldLabel, translate, type Locale } from '$lib/i18n';
import type { Database } from '../db/connection';
import { MetricQueryError } from './errors';
import { DEFECT_NAME, recordColumns, recordsArrow, recordsCount, type RecordSelection } from './records';

export type ExportFormat = 'csv' | 'xlsx';

/** Rows read per query: an export of a million records never holds more than this many at once. */
const CHUNK = 20_000;

interface ExportColumn {
	name: string;
	label: string;
	type: FieldType;
}

/**
 * The exported columns (`chosen`, in the table's order, or all) with their headers in `locale`. The
 * defect name goes with the defect code as a column of its own, so the code column re-imports as it is.
 */
function exportColumns(table: string, locale: Locale, chosen?: readonly string[]): ExportColumn[] {
	const kind = KINDS.find((k) => KIND_DEFS[k].table === table)!;
	const all = recordColumns(table);
	const bad = chosen?.find((c) => !all.includes(c));
	if (bad !== undefined)
		throw new MetricQueryError('records.badColumn', { table, column: bad, columns: all.join(', ') });
	const wanted = (name: string) =>
		!chosen?.length || chosen.includes(name) || (name === DEFECT_NAME && chosen.includes('defect_code'));
	return all.filter(wanted).map((name) => ({
		name,
		label: name === DEFECT_NAME ? translate(locale, 'rec.defectName') : fieldLabel(locale, kind, name),
		type:
			KIND_DEFS[kind].fields.find((f) => f.name === name)?.type ?? (name === 'batch_id' ? 'count' : 'text')
	}));
}

/** The selection's rows, CHUNK at a time, as plain values (times and dates as epoch milliseconds). */
async function* chunks(
	db: Database,
	table: string,
	query: MetricQuery,
	selection: RecordSelection,
	columns: readonly ExportColumn[]
): AsyncGenerator<unknown[][]> {
	for (let offset = 0; ; offset += CHUNK) {
		const data = tableFromIPC(await recordsArrow(db, table, query, { ...selection, limit: CHUNK, offset }));
		const vectors = columns.map((c) => data.getChild(c.name)!);
		const rows: unknown[][] = [];
		for (let i = 0; i < data.numRows; i++) {
			rows.push(
				vectors.map((v) => {
					const value = v.get(i);
					if (value instanceof Date) return value.getTime();
					return typeof value === 'bigint' ? Number(value) : (value ?? null);
				})
			);
		}
		if (rows.length) yield rows;
		if (data.numRows < CHUNK) return;
	}
}

const isTime = (type: FieldType) => type === 'timestamp' || type === 'date' || type === 'month';

/** A CSV cell: times as ISO-like text (the stored wall-clock time), the rest as it is. */
function csvCell(type: FieldType, value: unknown): unknown {
	if (value === null || !isTime(type)) return value;
	const iso = new Date(value as number).toISOString();
	return type === 'timestamp' ? iso.slice(0, 19).replace('T', ' ') : iso.slice(0, 10);
}

function csvStream(
	rows: AsyncGenerator<unknown[][]>,
	columns: readonly ExportColumn[]
): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	let first = true;
	return new ReadableStream({
		async pull(controller) {
			if (first) {
				first = false;
				controller.enqueue(encoder.encode(toSafeCsv([], { header: columns.map((c) => c.label), bom: true })));
				return;
			}
			const next = await rows.next();
			if (next.done) return controller.close();
			const text = toSafeCsv(next.value.map((row) => row.map((v, i) => csvCell(columns[i].type, v))));
			controller.enqueue(encoder.encode(text));
		},
		async cancel() {
			await rows.return(undefined);
		}
	});
}

const NUMBER_FORMAT: Partial<Record<FieldType, string>> = {
	timestamp: 'yyyy-mm-dd hh:mm:ss',
	date: 'yyyy-mm-dd',
	month: 'yyyy-mm',
	amount: '#,##0.00'
};

/**
 * XLSX through exceljs's streaming writer: each row is committed as it is written, so the workbook is
 * never held whole. Numbers are number cells, times Date cells (the stored wall-clock time as UTC,
 * which is how Excel serials carry no zone), with a bold header frozen above them.
 */
function xlsxStream(
	rows: AsyncGenerator<unknown[][]>,
	columns: readonly ExportColumn[],
	sheet: string
): ReadableStream<Uint8Array> {
	const out = new PassThrough();
	const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
		stream: out,
		useStyles: true,
		useSharedStrings: false
	});
	const worksheet = workbook.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
	worksheet.columns = columns.map((c) => ({
		key: c.name,
		width: Math.max(10, Math.min(40, c.label.length * 2 + 2)),
		style: NUMBER_FORMAT[c.type] ? { numFmt: NUMBER_FORMAT[c.type] } : {}
	}));
	const write = async () => {
		const header = worksheet.addRow(columns.map((c) => c.label));
		header.font = { bold: true };
		header.commit();
		for await (const chunk of rows) {
			for (const row of chunk) {
				worksheet
					.addRow(row.map((v, i) => (v !== null && isTime(columns[i].type) ? new Date(v as number) : v)))
					.commit();
			}
			// Let the client read before the next chunk is queried.
			if (out.writableNeedDrain) await new Promise((resolve) => out.once('drain', resolve));
		}
		worksheet.commit();
		await workbook.commit();
	};
	write().catch((error) => out.destroy(error));
	return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

/**
 * The whole selection as a download, streamed: the count first (it also checks the request, so a bad
 * one is refused before any byte is sent), then the rows CHUNK at a time.
 */
export async function exportRecords(
	db: Database,
	table: string,
	query: MetricQuery,
	selection: RecordSelection & {
		columns?: readonly string[];
		format: ExportFormat;
		locale: Locale;
		today: string;
	}
): Promise<{ count: number; fileName: string; contentType: string; body: ReadableStream<Uint8Array> }> {
	const count = await recordsCount(db, table, query, selection);
	const columns = exportColumns(table, selection.locale, selection.columns);
	const rows = chunks(
		db,
		table,
		query,
		{ rules: selection.rules, sort: selection.sort, locale: selection.locale },
		columns
	);
	const fileName = `${table}-${selection.today}.${selection.format}`;
	return selection.format === 'csv'
		? { count, fileName, contentType: 'text/csv; charset=utf-8', body: csvStream(rows, columns) }
		: {
				count,
				fileName,
				contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
				body: xlsxStream(rows, columns, table)
			};
}
