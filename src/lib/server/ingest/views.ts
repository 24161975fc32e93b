import type { BatchRow, RejectedRow, TableCount } from '$lib/domain/ingest/api';
import type { Locale } from '$lib/i18n';
import type { Database } from '../db/connection';
import { getBatch, listBatches } from './batches';
import { listRejected, rejectedCsvStream } from './rejected';
import { tableCounts } from './tables';

/** What the ingest pages and endpoints read, each in one call (routes hold no SQL). */

export async function dataOverview(db: Database): Promise<{ tables: TableCount[]; batches: BatchRow[] }> {
	const [tables, batches] = await Promise.all([tableCounts(db), listBatches(db)]);
	return { tables, batches };
}

/** A batch with one page of its rejected rows; null for an unknown batch. */
export async function batchWithRejected(
	db: Database,
	id: number,
	limit: number,
	offset: number
): Promise<{ batch: BatchRow; rejected: { total: number; rows: RejectedRow[] } } | null> {
	const batch = await getBatch(db, id);
	return batch && { batch, rejected: await listRejected(db, batch.id, limit, offset) };
}

/** A batch's rejected rows as a CSV download; null for an unknown batch. */
export async function rejectedDownload(
	db: Database,
	id: number,
	locale: Locale
): Promise<{ fileName: string; body: ReadableStream<Uint8Array> } | null> {
	const batch = await getBatch(db, id);
	return (
		batch && { fileName: `batch-${batch.id}-rejected.csv`, body: rejectedCsvStream(db, batch.id, locale) }
	);
}
