import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
	missingRequired,
	pickHeaderRow,
	suggestMapping,
	uniqueHeaders
} from '$lib/domain/ingest/header-mapping';
import { sniffCsv } from './layout';
import { detectFileType, readHead } from './sniff';
import { makeWorkDir } from './work-dir';
import type { FilePreview } from '$lib/domain/ingest/api';
import type { ImportOptions } from './types';
import { xlsxToCsv } from './xlsx';

const DEFAULT_ROWS = 20;

/** Sniffs a file and returns its header, first rows and suggested mapping without writing anything. */
export async function previewFile(
	path: string,
	options: Pick<ImportOptions, 'kind' | 'encoding' | 'sheet' | 'map'> & { rows?: number }
): Promise<FilePreview> {
	const limit = options.rows ?? DEFAULT_ROWS;
	const explicit = options.map ?? {};
	if (detectFileType(await readHead(path, 8)) === 'xlsx') {
		const work = await makeWorkDir('preview');
		try {
			const conversion = await xlsxToCsv(path, join(work, 'preview.csv'), {
				sheet: options.sheet,
				findHeader: (rows) => pickHeaderRow(options.kind, rows),
				previewRows: limit
			});
			const headers = uniqueHeaders(conversion.headers);
			const mapping = suggestMapping(options.kind, headers, explicit);
			return {
				fileType: 'xlsx',
				encoding: 'xlsx',
				delimiter: null,
				sheet: conversion.sheet,
				sheets: conversion.sheets,
				headerLine: conversion.headerLine,
				headers,
				rows: conversion.preview,
				mapping,
				missingRequired: missingRequired(options.kind, mapping)
			};
		} finally {
			await rm(work, { recursive: true, force: true });
		}
	}
	const layout = await sniffCsv(path, options.kind, options.encoding);
	const mapping = suggestMapping(options.kind, layout.headers, explicit);
	return {
		fileType: 'csv',
		encoding: layout.encoding,
		delimiter: layout.delimiter,
		sheet: null,
		sheets: [],
		headerLine: layout.headerLine,
		headers: layout.headers,
		rows: layout.sample.slice(0, limit),
		mapping,
		missingRequired: missingRequired(options.kind, mapping)
	};
}
