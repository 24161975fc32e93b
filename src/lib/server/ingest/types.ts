import type { Kind } from '$lib/domain/records';
import type { HeaderMapping } from '$lib/domain/ingest/header-mapping';
import type { ImportProgress } from '$lib/domain/ingest/api';

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

/** What a profile may say beyond the header mapping (shipped profiles for odd real-world exports). */
export interface SourceRules {
	/** Column names for a file without a header row: every line is data. */
	columns?: string[];
	/** header → regular expression: rows whose cell does not match are skipped (counted as skipped). */
	filter?: Record<string, string>;
	/** Fields stored as absolute values, e.g. ledger exports that write returns as negative quantities. */
	absolute?: string[];
	/**
	 * Fields made of several columns' cells joined with '/', e.g. a return line keyed by its credit note
	 * and stock code when the export has no line id: one credit note's lines are then records of their own.
	 */
	combine?: Record<string, string[]>;
}
