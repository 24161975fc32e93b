import { readFile, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { DefectCodeInput } from '$lib/domain/defect-codes';
import { formatBytes } from '$lib/format';
import { translate, type Locale, type MessageKey } from '$lib/i18n';
import { readSmallCsv, type TextRecord } from '../ingest/layout';
import { parseHeadRecords } from '../ingest/csv-scan';
import { userFacingError } from '../ingest/errors';
import { detectFileType, readHead, SNIFF_BYTES } from '../ingest/sniff';
import { makeWorkDir } from '../ingest/work-dir';
import { columnLetter, xlsxToCsv } from '../ingest/xlsx';
import type { DictionaryImportResult } from '$lib/domain/defect-codes';
import { DictionaryError, writeDictionary } from './defect-codes';

/**
 * A defect code sheet: CSV/TSV (any encoding the importer reads) or XLSX with the code, its Chinese
 * name and optionally its English name. A header row is recognised by its names (故障代码 / 故障名称 /
 * 英文名称, code / name / english name …) and may sit below title rows; without one, the columns are
 * code, name, English name in that order. Every row is checked before anything is written: one bad
 * row refuses the file, naming its row and column.
 */

const HEADERS = {
	code: [
		'故障代码',
		'故障编码',
		'代码',
		'编码',
		'code',
		'defect code',
		'fault code',
		'error code',
		'defect_code'
	],
	name_zh: [
		'故障名称',
		'中文名称',
		'名称',
		'故障描述',
		'描述',
		'name',
		'name_zh',
		'chinese name',
		'defect name'
	],
	name_en: ['英文名称', '英文名', 'english name', 'name_en', 'english', 'name (en)']
} as const;
type Column = keyof typeof HEADERS;

const MAX_ROWS = 10_000;
const MAX_CODE = 64;
const MAX_NAME = 200;

const norm = (cell: string) => cell.trim().toLowerCase().replace(/\s+/g, ' ');
const columnOf = (cell: string): Column | undefined =>
	(Object.keys(HEADERS) as Column[]).find((c) => (HEADERS[c] as readonly string[]).includes(norm(cell)));

/** Index of the header among `rows` (it names the code column), or -1 when there is none. */
function headerIndex(rows: string[][]): number {
	return rows.slice(0, 30).findIndex((cells) => cells.some((cell) => columnOf(cell) === 'code'));
}

/** A sheet's rows as records with the line (CSV) or sheet row (XLSX) the user sees. */
async function sheetRecords(path: string, fileName: string): Promise<TextRecord[]> {
	if (detectFileType(await readHead(path, 8)) !== 'xlsx') return readSmallCsv(path, fileName);
	const work = await makeWorkDir('preview');
	try {
		// Each converted line is `<sheet row>,<cells…>`; the header row is conversion.headerLine.
		const conversion = await xlsxToCsv(path, join(work, 'sheet.csv'), {
			findHeader: (rows) => Math.max(headerIndex(rows), 0)
		});
		if ((await stat(conversion.csvPath)).size > SNIFF_BYTES) {
			const limit = formatBytes(SNIFF_BYTES);
			throw new DictionaryError(422, 'ingest.sheetTooLarge', { limit });
		}
		const lines = parseHeadRecords(await readFile(conversion.csvPath, 'utf8'), ',', Number.MAX_SAFE_INTEGER);
		return [
			{ cells: conversion.headers, line: conversion.headerLine },
			...lines
				.filter((r) => r.cells.length > 1)
				.map((r) => ({ cells: r.cells.slice(1), line: Number(r.cells[0]) }))
		];
	} finally {
		await rm(work, { recursive: true, force: true });
	}
}

type Reason = Extract<MessageKey, `dict.reason.${string}`>;

interface RowProblem {
	line: number;
	column: string;
	reason: Reason;
	value: string;
}

/** Bad rows of a sheet: the first named in the message (its reason in the reader's language), all in the details. */
export class SheetRowsError extends DictionaryError {
	constructor(file: string, problems: RowProblem[]) {
		const { line, column, reason } = problems[0];
		super(
			422,
			'dict.badRows',
			{ file, count: problems.length, line, column, reason },
			{
				problems: problems.slice(0, 100)
			}
		);
		this.message = `${this.in('zh-CN')} / ${this.in('en')}`;
	}

	in(locale: Locale): string {
		return translate(locale, this.key, {
			...this.params,
			reason: translate(locale, this.params.reason as Reason)
		});
	}
}

/** The sheet's entries, or a DictionaryError listing every bad row (line, column letter and header). */
export async function readDefectCodeSheet(
	path: string,
	fileName = basename(path)
): Promise<DefectCodeInput[]> {
	let records: TextRecord[];
	try {
		records = await sheetRecords(path, fileName);
	} catch (error) {
		if (error instanceof DictionaryError) throw error;
		throw userFacingError(error, fileName);
	}
	const at = headerIndex(records.map((r) => r.cells));
	const header = at >= 0 ? records[at].cells : [];
	const index: Record<Column, number> =
		at >= 0
			? {
					code: header.findIndex((c) => columnOf(c) === 'code'),
					name_zh: header.findIndex((c) => columnOf(c) === 'name_zh'),
					name_en: header.findIndex((c) => columnOf(c) === 'name_en')
				}
			: { code: 0, name_zh: 1, name_en: 2 };
	if (index.name_zh < 0) throw new DictionaryError(422, 'dict.noNameColumn', { file: fileName });
	const label = (column: Column) => {
		const i = index[column];
		return header[i] ? `${columnLetter(i + 1)} (${header[i]})` : columnLetter(i + 1);
	};
	const problems: RowProblem[] = [];
	const entries: DefectCodeInput[] = [];
	const seen = new Map<string, number>();
	for (const { cells, line } of records.slice(at + 1)) {
		if (cells.every((c) => c.trim() === '')) continue;
		const cell = (column: Column) => (index[column] >= 0 ? (cells[index[column]] ?? '').trim() : '');
		const bad = (column: Column, reason: Reason) =>
			problems.push({ line, column: label(column), reason, value: cell(column) });
		const code = cell('code');
		const nameZh = cell('name_zh');
		const nameEn = cell('name_en');
		if (!code) bad('code', 'dict.reason.codeMissing');
		else if (code.length > MAX_CODE) bad('code', 'dict.reason.tooLong');
		else if (seen.has(code)) bad('code', 'dict.reason.repeated');
		if (!nameZh) bad('name_zh', 'dict.reason.nameMissing');
		else if (nameZh.length > MAX_NAME) bad('name_zh', 'dict.reason.tooLong');
		if (nameEn.length > MAX_NAME) bad('name_en', 'dict.reason.tooLong');
		if (code) seen.set(code, line);
		entries.push({ code, name_zh: nameZh, name_en: nameEn || null });
	}
	if (problems.length) throw new SheetRowsError(fileName, problems);
	if (entries.length === 0) throw new DictionaryError(422, 'dict.noRows', { file: fileName });
	if (entries.length > MAX_ROWS)
		throw new DictionaryError(422, 'dict.tooManyRows', { file: fileName, max: MAX_ROWS });
	return entries;
}

/** Reads and checks a sheet, then writes all of it or nothing. */
export async function importDefectCodeSheet(
	db: Parameters<typeof writeDictionary>[0],
	path: string,
	actor: string,
	options: { fileName?: string; origin?: string | null } = {}
): Promise<DictionaryImportResult> {
	const fileName = options.fileName ?? basename(path);
	const entries = await readDefectCodeSheet(path, fileName);
	return writeDictionary(db, fileName, entries, actor, options.origin);
}
