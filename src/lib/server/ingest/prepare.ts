import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kind } from '$lib/domain/records';
import type { HeaderMapping } from '$lib/domain/ingest/header-mapping';
import { pickHeaderRow, uniqueHeaders } from '$lib/domain/ingest/header-mapping';
import { sniffCsv } from './layout';
import { resolveMapping } from './mapping';
import { hashFile, readSource, type ScanSpec } from './read-source';
import { needsTranscoding } from './sniff';
import type { StageOptions } from './stage';
import { xlsxToCsv } from './xlsx';

/** A file turned into a UTF-8 CSV that DuckDB can stage, with its lineage facts. */
export interface PreparedSource {
	fileType: 'csv' | 'xlsx';
	sha256: string;
	sizeBytes: number;
	encoding: string;
	delimiter: string | null;
	sheet: string | null;
	headerLine: number;
	headers: string[];
	csvPath: string;
	/** How DuckDB read it. */
	staged: StageOptions;
	/** CSV only: how to scan its records when rejected rows need their line numbers. */
	scan: ScanSpec | null;
}

/** What the caller knows about the file before reading it: from the options and the profile. */
export interface SourceRequest {
	kind: Kind;
	fileName: string;
	encoding?: string;
	sheet?: string;
	explicit: HeaderMapping;
	/**
	 * The headers the import's own entries (--map, the web page's mapping) name: each must be one of the
	 * file's. A profile's may be missing, since a month's export can lack a column the profile maps.
	 */
	mappedHeaders: string[];
	useSynonyms: boolean;
	/** A headerless file's column names. */
	columns?: string[];
}

/** Reads the UTF-8 CSV into DuckDB (see stage.ts), while or after the JS pass over the file. */
export type StageFn = (csv: StageOptions) => Promise<void>;

/**
 * Reads the file at `path` (scratch files in `work`), reporting the fraction read through `onRead`,
 * and has `stage` load its UTF-8 CSV form.
 */
export type PrepareFn = (
	path: string,
	work: string,
	request: SourceRequest,
	onRead: (fraction: number) => void,
	stage: StageFn
) => Promise<PreparedSource>;

export const prepareCsv: PrepareFn = async (path, work, request, onRead, stage) => {
	const layout = await sniffCsv(path, request.kind, request.encoding, request.columns, request.fileName);
	// Refuse a file with unmapped required fields before the long pass over it.
	resolveMapping(request, layout.headers);
	const total = (await stat(path)).size;
	const staging = (csvPath: string): StageOptions => ({
		path: csvPath,
		delimiter: layout.delimiter,
		skipLines: layout.skipLines,
		columns: layout.headers.length,
		headers: layout.headers,
		lineColumn: false
	});
	const staged = (csvPath: string) => stage(staging(csvPath));
	// A UTF-8 file is staged by DuckDB while the JS pass hashes it; a transcoded one after.
	const early = needsTranscoding(layout.encoding) || layout.lineEnds !== 'lf' ? null : staged(path);
	const [passResult, earlyResult] = await Promise.allSettled([
		readSource(path, {
			encoding: layout.encoding,
			lineEnds: layout.lineEnds,
			transcodeTo: join(work, 'utf8.csv'),
			scan: null,
			onBytes: (n) => onRead(n / Math.max(1, total))
		}),
		early
	]);
	if (passResult.status === 'rejected') throw passResult.reason;
	if (earlyResult.status === 'rejected') throw earlyResult.reason;
	const pass = passResult.value;
	if (!early) await staged(pass.utf8Path);
	return {
		fileType: 'csv',
		sha256: pass.sha256,
		sizeBytes: pass.sizeBytes,
		encoding: layout.encoding,
		delimiter: layout.delimiter,
		sheet: null,
		headerLine: layout.headerLine,
		headers: layout.headers,
		csvPath: pass.utf8Path,
		staged: staging(pass.utf8Path),
		scan: { delimiter: layout.delimiter, fields: layout.headers.length, skipLines: layout.skipLines }
	};
};

/** Rows of a workbook are not known up front; progress assumes a large sheet and stops at 1. */
const XLSX_PROGRESS_ROWS = 1_000_000;

export const prepareXlsx: PrepareFn = async (path, work, request, onRead, stage) => {
	const { sha256, sizeBytes } = await hashFile(path);
	const conversion = await xlsxToCsv(path, join(work, 'sheet.csv'), {
		sheet: request.sheet,
		findHeader: (rows) => pickHeaderRow(request.kind, rows),
		onProgress: (rows) => onRead(Math.min(1, rows / XLSX_PROGRESS_ROWS))
	});
	const headers = uniqueHeaders(conversion.headers);
	const staged: StageOptions = {
		path: conversion.csvPath,
		delimiter: ',',
		skipLines: 0,
		columns: headers.length,
		headers,
		lineColumn: true
	};
	await stage(staged);
	return {
		fileType: 'xlsx',
		sha256,
		sizeBytes,
		encoding: 'xlsx',
		delimiter: null,
		sheet: conversion.sheet,
		headerLine: conversion.headerLine,
		headers,
		csvPath: conversion.csvPath,
		staged,
		scan: null
	};
};
