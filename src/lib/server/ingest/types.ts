import type { Kind } from '$lib/domain/records';
import type { HeaderMapping } from '$lib/domain/ingest/header-mapping';

export interface ImportProgress {
	phase: 'reading' | 'validating' | 'writing' | 'done';
	/** 0–1 over the whole import. */
	fraction: number;
}

export interface ImportOptions {
	kind: Kind;
	/** The name shown in lineage; defaults to the path's base name. */
	fileName?: string;
	/** Explicit header → field entries; they win over the profile and the synonyms. */
	map?: HeaderMapping;
	profile?: string;
	saveProfile?: string;
	/** Overrides detection, e.g. 'gb18030', 'utf-8', 'utf-16le'. */
	encoding?: string;
	sheet?: string;
	importedBy?: string;
	onProgress?: (progress: ImportProgress) => void;
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
	'column_count'
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** A file the importer refuses as a whole; nothing was written. */
export class ImportError extends Error {
	constructor(
		message: string,
		readonly code:
			'missing_required' | 'unreadable' | 'empty' | 'unknown_profile' | 'too_large' | 'bad_mapping',
		readonly details: Record<string, unknown> = {}
	) {
		super(message);
		this.name = 'ImportError';
	}
}

/** What a profile may say beyond the header mapping (shipped profiles for odd real-world exports). */
export interface SourceRules {
	/** Column names for a file without a header row: every line is data. */
	columns?: string[];
	/** header → regular expression: rows whose cell does not match are skipped (counted as skipped). */
	filter?: Record<string, string>;
	/** Fields stored as absolute values, e.g. ledger exports that write returns as negative quantities. */
	absolute?: string[];
}
