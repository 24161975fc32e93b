import { toSafeCsv } from '$lib/domain/csv-safe';
import { describeRejectError } from '$lib/domain/ingest/rejected';
import { bilingual, rejectReason, type Locale, type MessageKey } from '$lib/i18n';
import type { Database } from '$lib/server/db/connection';
import { listRejected, type RejectedRow } from './';

const CHUNK = 5000;

const COLUMNS: MessageKey[] = [
	'rej.line',
	'rej.column',
	'rej.field',
	'rej.reasonCode',
	'rej.reason',
	'rej.value',
	'rej.allErrors',
	'rej.raw'
];

export function rejectedHeader(): string[] {
	return COLUMNS.map((key) => bilingual(key));
}

export function rejectedCsvRow(row: RejectedRow, locale: Locale): unknown[] {
	return [
		row.line,
		row.columnName,
		row.field,
		row.reason,
		rejectReason(locale, row.reason),
		row.value,
		row.errors.map((e) => describeRejectError(locale, e)).join('; '),
		row.rawText
	];
}

/**
 * The rejected rows of one batch as a CSV byte stream, read from the database in chunks so a batch
 * with a million rejected rows is never held in memory at once.
 */
export function rejectedCsvStream(db: Database, batchId: number, locale: Locale): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	let offset = 0;
	let first = true;
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			try {
				const { rows } = await listRejected(db, batchId, CHUNK, offset);
				const text = toSafeCsv(
					rows.map((r) => rejectedCsvRow(r, locale)),
					first ? { header: rejectedHeader(), bom: true } : {}
				);
				first = false;
				offset += rows.length;
				if (text) controller.enqueue(encoder.encode(text));
				if (rows.length < CHUNK) controller.close();
			} catch (error) {
				controller.error(error);
			}
		}
	});
}
