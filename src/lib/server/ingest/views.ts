import type { BatchRow, ProfileOption, RejectedRow, TableCount } from '$lib/domain/ingest/api';
import type { Kind } from '$lib/domain/records';
import type { Locale } from '$lib/i18n';
import { getDatabase } from '../db/connection';
import { getBatch, listBatches } from './batches';
import { availableProfiles } from './profiles';
import { listRejected, rejectedCsvStream } from './rejected';
import { tableCounts } from './tables';

/**
 * What the ingest pages and endpoints read, from the process-wide database: routes hold no
 * database handle (the modules below take one, so tests and the CLI pass their own).
 */

export async function dataOverview(): Promise<{ tables: TableCount[]; batches: BatchRow[] }> {
	const db = await getDatabase();
	const [tables, batches] = await Promise.all([tableCounts(db), listBatches(db)]);
	return { tables, batches };
}

export async function importHistory(limit: number): Promise<BatchRow[]> {
	return listBatches(await getDatabase(), limit);
}

export async function profileOptions(kind?: Kind): Promise<ProfileOption[]> {
	return availableProfiles(await getDatabase(), kind);
}

/** A batch with one page of its rejected rows; null for an unknown batch. */
export async function batchWithRejected(
	id: number,
	limit: number,
	offset: number
): Promise<{ batch: BatchRow; rejected: { total: number; rows: RejectedRow[] } } | null> {
	const db = await getDatabase();
	const batch = await getBatch(db, id);
	return batch && { batch, rejected: await listRejected(db, batch.id, limit, offset) };
}

/** A batch's rejected rows as a CSV download; null for an unknown batch. */
export async function rejectedDownload(
	id: number,
	locale: Locale
): Promise<{ fileName: string; body: ReadableStream<Uint8Array> } | null> {
	const db = await getDatabase();
	const batch = await getBatch(db, id);
	return (
		batch && { fileName: `batch-${batch.id}-rejected.csv`, body: rejectedCsvStream(db, batch.id, locale) }
	);
}
