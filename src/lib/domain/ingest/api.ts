import type { Kind } from '$lib/domain/records';
import type { HeaderMapping } from './header-mapping';

/**
 * The JSON the import endpoints and page loads send to the browser. The server builds these values
 * (server/ingest), the import page and the CLI read them: the shapes live here so the browser never
 * imports server code.
 */

export interface ImportProgress {
	phase: 'reading' | 'validating' | 'writing' | 'done';
	/** 0–1 over the whole import. */
	fraction: number;
}

export interface ImportCounts {
	rows: number;
	accepted: number;
	updated: number;
	duplicates: number;
	rejected: number;
	skipped: number;
}

export interface ImportResult extends ImportCounts {
	batchId: number;
	kind: Kind;
	file: string;
	sha256: string;
	encoding: string;
	fileType: 'csv' | 'xlsx';
	delimiter: string | null;
	sheet: string | null;
	headerLine: number;
	mapping: HeaderMapping;
	durationMs: number;
}

/** What the import page and the CLI show before anything is written. */
export interface FilePreview {
	fileType: 'csv' | 'xlsx';
	encoding: string;
	delimiter: string | null;
	sheet: string | null;
	sheets: string[];
	/** 1-based line (CSV) or sheet row (XLSX) of the header. */
	headerLine: number;
	headers: string[];
	rows: string[][];
	mapping: HeaderMapping;
	missingRequired: string[];
}

/** Reason codes of rejected rows; the UI and downloads render them through i18n. */
export const REJECT_REASONS = [
	'required_missing',
	'invalid_timestamp',
	'invalid_date',
	'invalid_month',
	'invalid_number',
	'invalid_bool',
	'invalid_return_type',
	'out_of_range',
	'negative',
	'end_before_start',
	'column_count',
	'invalid_encoding',
	'record_too_long'
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** Why a whole file was refused (nothing was written). */
export type ImportErrorCode =
	'missing_required' | 'unreadable' | 'empty' | 'unknown_profile' | 'too_large' | 'bad_mapping' | 'internal';

export type JobStatus = 'running' | 'done' | 'failed';

export interface JobError {
	message: string;
	/** The code when the file was refused (missing_required, unreadable, …). */
	code?: string;
	details?: Record<string, unknown>;
}

/** An import started from the web page, as the page polls it. */
export interface ImportJob {
	id: string;
	status: JobStatus;
	progress: ImportProgress;
	fileName: string;
	startedAt: string;
	finishedAt?: string;
	result?: ImportResult;
	error?: JobError;
}

/** A mapping profile as the import page needs it: saved ones, and those shipped in data/profiles. */
export interface ProfileOption {
	name: string;
	kind: Kind;
	mapping: HeaderMapping;
	shipped: boolean;
	description?: string;
	encoding?: string;
	sheet?: string;
	/** Column names for files without a header row. */
	columns?: string[];
}

/** One import in the history. */
export interface BatchRow extends ImportCounts {
	id: number;
	kind: string;
	fileName: string;
	sha256: string;
	sizeBytes: number;
	fileType: string;
	encoding: string;
	delimiter: string | null;
	sheet: string | null;
	headerLine: number;
	mapping: Record<string, string>;
	profile: string | null;
	importedBy: string;
	importedAt: string;
	durationMs: number;
	/** When the import was undone; null while its records stand. */
	undoneAt: string | null;
}

export interface RejectedRow {
	line: number | null;
	columnName: string | null;
	field: string | null;
	reason: string;
	value: string | null;
	errors: { field: string; column: string; reason: string; value: string | null }[];
	rawText: string | null;
}

/** Rows stored per canonical table (and in rejected_rows), for the data page. */
export interface TableCount {
	table: string;
	/** The record kind stored in the table; null for rejected_rows. */
	kind: Kind | null;
	rows: number;
}

/** Undoing an import (GET/POST /api/batches/[id]/undo). */
export interface LaterBatch {
	id: number;
	fileName: string;
}

export interface UndoPreview {
	batchId: number;
	kind: string;
	fileName: string;
	/** Records the batch inserted: deleted by the undo. */
	toDelete: number;
	/** Records the batch updated: their replaced version comes back from history. */
	toRestore: number;
	/** Not undone batches that changed a record this batch stored: while any remain, the undo is refused. */
	blockedBy: LaterBatch[];
	undoneAt: string | null;
}

export type UndoResult = Omit<UndoPreview, 'blockedBy'> & { undoneAt: string };
