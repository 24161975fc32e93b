import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { ImportError } from './types';
import { assertZipSafe } from './zip-guard';

/**
 * XLSX → CSV for the importer: one sheet is streamed row by row (never the whole workbook) into the
 * CSV that DuckDB's read_csv stages. Layout: UTF-8 without BOM, '\n' line ends, ',' delimiter,
 * RFC 4180 quoting, no header line; each line is `<sheet row>,<c1>,…,<cN>` with exactly N = header
 * width cells. The sheet row number lets rejected rows be reported as the row the user sees in Excel.
 */

export interface XlsxConversion {
	/** The sheet used. */
	sheet: string;
	/** Worksheet names in workbook order, as far as the streaming reader has revealed them. */
	sheets: string[];
	/** 1-based sheet row number of the header row. */
	headerLine: number;
	/** Header cells, trimmed; empty header cells are ''. */
	headers: string[];
	/** Data columns written after the row-number column (= headers.length). */
	columns: number;
	/** Data rows written: every row present below the header, blank ones included. */
	rows: number;
	csvPath: string;
}

export interface XlsxOptions {
	/** Default: the first visible worksheet. */
	sheet?: string;
	/** Given the first ≤30 rows (as text cells), returns the 0-based index of the header among them. */
	findHeader: (rows: string[][]) => number;
	/** Called every ~5000 sheet rows read, and once at the end. */
	onProgress?: (rowsRead: number) => void;
	/** Stop after this many data rows and return them in `preview`. */
	previewRows?: number;
}

const HEADER_WINDOW = 30;
const PROGRESS_EVERY = 5000;
const FLUSH_CHARS = 64 * 1024;
const MS_PER_DAY = 86_400_000;
/** Days from Excel's day 0 (1899-12-30, counting its fictitious 1900-02-29) to 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25569;
const DATE1904_OFFSET_DAYS = 1462;

// ---------------------------------------------------------------------------------------------
// Cell values

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * exceljs returns Excel dates as UTC Dates holding the wall-clock time. Sub-second noise from the
 * day-fraction encoding is rounded away. A value on Excel's day 0 is a time of day or a duration,
 * never a real date, so it is written without the date rather than as a plausible 1899 timestamp.
 */
function dateText(date: Date): string {
	const ms = date.getTime();
	if (Number.isNaN(ms)) return '';
	const d = new Date(Math.round(ms / 1000) * 1000);
	const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
	const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
	if (day === '1899-12-30' || day === '1904-01-01') return time;
	return time === '00:00:00' ? day : `${day} ${time}`;
}

function richText(value: unknown): string {
	if (typeof value === 'string') return value;
	if (value !== null && typeof value === 'object' && 'richText' in value && Array.isArray(value.richText)) {
		return value.richText
			.map((run: { text?: unknown }) => (typeof run.text === 'string' ? run.text : ''))
			.join('');
	}
	return '';
}

/** The text a cell value goes to the CSV as. */
export function cellText(value: ExcelJS.CellValue): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	// The streaming reader turns an error formula result into NaN.
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (value instanceof Date) return dateText(value);
	if ('error' in value) return '';
	if ('richText' in value) return richText(value);
	if ('hyperlink' in value) return richText(value.text);
	if ('formula' in value || 'sharedFormula' in value) {
		const result = value.result;
		if (result === undefined || (typeof result === 'object' && !(result instanceof Date))) return '';
		return cellText(result);
	}
	return '';
}

/** Same test exceljs applies to plain numeric cells; it skips formula results, so we repeat it. */
function isDateFormat(format: string | undefined): boolean {
	if (!format) return false;
	const bare = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
	return /[ymdhMsb]/.test(bare);
}

function cellValue(cell: ExcelJS.Cell, date1904: boolean): ExcelJS.CellValue {
	const value = cell.value;
	if (
		value !== null &&
		typeof value === 'object' &&
		('formula' in value || 'sharedFormula' in value) &&
		typeof value.result === 'number' &&
		isDateFormat(cell.numFmt)
	) {
		const days = value.result - EXCEL_EPOCH_DAYS + (date1904 ? DATE1904_OFFSET_DAYS : 0);
		return new Date(Math.round(days * MS_PER_DAY));
	}
	return value;
}

function rowCells(row: ExcelJS.Row, date1904: boolean): string[] {
	const cells: string[] = [];
	row.eachCell((cell, column) => {
		cells[column - 1] = cellText(cellValue(cell, date1904));
	});
	for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = '';
	return cells;
}

export function columnLetter(column: number): string {
	let letters = '';
	for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
		letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
	return letters;
}

const csvField = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

// ---------------------------------------------------------------------------------------------
// CSV output

class CsvWriter {
	private readonly out: fs.WriteStream;
	private readonly failed: Promise<never>;
	private pending = '';

	constructor(path: string) {
		this.out = fs.createWriteStream(path, { encoding: 'utf8' });
		this.failed = new Promise<never>((_, reject) => this.out.once('error', reject));
		this.failed.catch(() => {}); // observed through flush/close; never an unhandled rejection
	}

	async line(text: string): Promise<void> {
		this.pending += text + '\n';
		if (this.pending.length >= FLUSH_CHARS) await this.flush();
	}

	private async flush(): Promise<void> {
		const chunk = this.pending;
		this.pending = '';
		if (chunk && !this.out.write(chunk)) {
			await Promise.race([
				new Promise<void>((resolve) => this.out.once('drain', () => resolve())),
				this.failed
			]);
		}
	}

	async close(): Promise<void> {
		await this.flush();
		await Promise.race([new Promise<void>((resolve) => this.out.end(resolve)), this.failed]);
	}

	destroy(): void {
		this.out.destroy();
	}
}

// ---------------------------------------------------------------------------------------------
// exceljs streaming-reader internals (4.4.0) that the typings leave out

interface SheetEntry {
	name: string;
	id: number;
	rId: string;
	state?: string;
}
interface Relationship {
	Id: string;
	Target: string;
}
interface ZipEntryStream {
	setEncoding(encoding: 'utf8'): unknown;
}
type EntryParser = (this: unknown, entry: ZipEntryStream) => unknown;
type PartParser = '_parseRels' | '_parseWorkbook' | '_parseSharedStrings' | '_parseStyles';
type ReaderInternals = { [K in PartParser]?: EntryParser } & {
	model?: { sheets?: SheetEntry[] };
	workbookRels?: Relationship[];
	properties?: { model?: { date1904?: boolean } };
	on(event: 'entry', listener: (entry: { type: string; id?: string }) => void): unknown;
};
interface WorksheetInternals {
	name: string;
	iterator: AsyncIterable<Buffer | string>;
}
type WorksheetReader = ExcelJS.stream.xlsx.WorksheetReader;

/**
 * exceljs decodes every zip chunk on its own, so a multi-byte character split across chunks turns
 * into U+FFFD (one in a few thousand Chinese cells). Handing it text instead of bytes avoids that:
 * part entries get a stream decoder, sheet data is decoded here.
 */
function decodePartsAsText(reader: ReaderInternals): void {
	for (const key of ['_parseRels', '_parseWorkbook', '_parseSharedStrings', '_parseStyles'] as const) {
		const original = reader[key];
		if (typeof original !== 'function') continue;
		reader[key] = function (this: unknown, entry: ZipEntryStream) {
			entry.setEncoding('utf8');
			return original.call(this, entry);
		};
	}
}

async function* utf8Text(source: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
	const decoder = new TextDecoder('utf-8');
	for await (const chunk of source)
		yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
	const rest = decoder.decode();
	if (rest) yield rest;
}

/** exceljs only reads parts named worksheets/sheetN.xml; some writers use absolute rel targets. */
const relTarget = (target: string) => target.replace(/^\/?(xl\/)?/, '');
const isReadableWorksheet = (target: string) => /^worksheets\/sheet\d+\.xml$/.test(relTarget(target));

function workbookSheets(reader: ReaderInternals): SheetEntry[] | undefined {
	const { model, workbookRels } = reader;
	if (!model?.sheets || !workbookRels) return undefined;
	return model.sheets.filter((sheet) => {
		const rel = workbookRels.find((r) => r.Id === sheet.rId);
		return rel !== undefined && isReadableWorksheet(rel.Target);
	});
}

/** exceljs names a sheet only if its rel target is relative; resolve it ourselves from the part number. */
function sheetName(reader: ReaderInternals, sheetNo: string | undefined, fallback: string): string {
	if (sheetNo === undefined) return fallback;
	const rel = reader.workbookRels?.find((r) => relTarget(r.Target) === `worksheets/sheet${sheetNo}.xml`);
	return (rel && reader.model?.sheets?.find((s) => s.rId === rel.Id)?.name) ?? fallback;
}

function readError(error: unknown): unknown {
	if (error instanceof ImportError) return error;
	// Operating-system failures (disk full, permissions) are not the file's fault; pass them on.
	if (error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string') return error;
	const why = error instanceof Error ? error.message : String(error);
	return new ImportError(`Cannot read the XLSX file: ${why} / 无法读取 XLSX 文件：${why}`, 'unreadable', {
		cause: why
	});
}

/**
 * unzipper reports a corrupt entry (bad deflate data, bad signature) only as an 'error' event on its
 * parser, which exceljs does not turn into a rejection: the read just never settles. So the pending
 * read is failed from the errors of the input stream and of whatever it is piped into (the parser).
 * (Not Promise.race against one long-lived promise: that keeps a reaction per row alive.)
 */
class ReadGuard {
	broken = false;
	private error: unknown;
	private rejectPending: ((error: unknown) => void) | undefined;

	open(path: string): fs.ReadStream {
		const input = fs.createReadStream(path);
		const watch = (emitter: NodeJS.EventEmitter) =>
			emitter.on('error', (error: unknown) => {
				if (this.broken) return;
				this.broken = true;
				this.error = error;
				this.rejectPending?.(readError(error));
			});
		watch(input);
		const pipe = input.pipe.bind(input);
		input.pipe = <T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T => {
			watch(destination);
			return pipe(destination, options);
		};
		return input;
	}

	/** One read at a time: the reader is consumed sequentially. */
	read<T>(promise: Promise<T>): Promise<T> {
		if (this.broken) return Promise.reject(readError(this.error));
		return new Promise<T>((resolve, reject) => {
			this.rejectPending = reject;
			promise.then(
				(value) => {
					this.rejectPending = undefined;
					resolve(value);
				},
				(error: unknown) => {
					this.rejectPending = undefined;
					reject(readError(error));
				}
			);
		});
	}
}

// ---------------------------------------------------------------------------------------------
// Conversion

interface SheetResult {
	headerLine: number;
	headers: string[];
	columns: number;
	rows: number;
	preview: string[][];
}

async function convertSheet(
	worksheet: WorksheetReader,
	sheet: string,
	date1904: boolean,
	out: CsvWriter,
	guard: ReadGuard,
	options: XlsxOptions
): Promise<SheetResult> {
	const limit = options.previewRows;
	const preview: string[][] = [];
	const window: { number: number; cells: string[] }[] = [];
	let header: { line: number; headers: string[] } | undefined;
	let rows = 0;
	let rowsRead = 0;

	const decideHeader = () => {
		const start = window[0].number;
		const dense: string[][] = Array.from({ length: window[window.length - 1].number - start + 1 }, () => []);
		for (const row of window) dense[row.number - start] = row.cells;
		const index = options.findHeader(dense);
		if (!Number.isInteger(index) || index < 0 || index >= dense.length) {
			throw new RangeError(`findHeader returned ${index} for ${dense.length} rows`);
		}
		const cells = dense[index].map((cell) => cell.trim());
		let width = cells.length;
		while (width > 0 && cells[width - 1] === '') width--;
		const line = start + index;
		if (width === 0) {
			throw new ImportError(`Sheet "${sheet}" has no header row / 工作表 "${sheet}" 没有表头行`, 'empty', {
				sheet,
				row: line
			});
		}
		header = { line, headers: cells.slice(0, width) };
		return window.filter((row) => row.number > line);
	};

	/** Writes one data row; false once the preview limit is reached. */
	const write = async (number: number, cells: string[]): Promise<boolean> => {
		if (!header) throw new Error('unreachable: data row before header');
		if (limit !== undefined && rows >= limit) return false;
		const columns = header.headers.length;
		for (let c = columns; c < cells.length; c++) {
			if (cells[c].trim() !== '') {
				const column = columnLetter(c + 1);
				const last = columnLetter(columns);
				throw new ImportError(
					`Sheet "${sheet}" row ${number} has a value in column ${column}, right of the header's last column ${last} / 工作表 "${sheet}" 第 ${number} 行的 ${column} 列有数据，超出表头最后一列 ${last}`,
					'unreadable',
					{ sheet, row: number, column }
				);
			}
		}
		const padded =
			cells.length === columns ? cells : Array.from({ length: columns }, (_, c) => cells[c] ?? '');
		await out.line(`${number},${padded.map(csvField).join(',')}`);
		rows++;
		if (limit === undefined) return true;
		preview.push(padded);
		return rows < limit;
	};

	/** Buffers the header window, then writes; false to stop reading. */
	const feed = async (number: number, cells: string[]): Promise<boolean> => {
		if (!header) {
			if (window.length === 0 || number < window[0].number + HEADER_WINDOW) {
				window.push({ number, cells });
				return true;
			}
			for (const row of decideHeader()) if (!(await write(row.number, row.cells))) return false;
		}
		return write(number, cells);
	};

	const iterator = worksheet[Symbol.asyncIterator]();
	let stopped = false;
	try {
		for (;;) {
			const next = await guard.read(iterator.next());
			if (next.done) break;
			const row = next.value;
			if (!Number.isInteger(row.number) || row.number < 1) {
				throw new ImportError(
					`Sheet "${sheet}" has a row without a row number / 工作表 "${sheet}" 有缺少行号的行`,
					'unreadable',
					{ sheet }
				);
			}
			if (++rowsRead % PROGRESS_EVERY === 0) options.onProgress?.(rowsRead);
			if (!(await feed(row.number, rowCells(row, date1904)))) {
				stopped = true;
				break;
			}
		}
	} finally {
		// On an early stop this closes the sheet's stream; a broken reader would never answer.
		if (!guard.broken) await iterator.return?.(undefined).catch(() => {});
	}
	if (!header && !stopped) {
		if (window.length === 0)
			throw new ImportError(`Sheet "${sheet}" is empty / 工作表 "${sheet}" 是空的`, 'empty', { sheet });
		for (const row of decideHeader()) if (!(await write(row.number, row.cells))) break;
	}
	options.onProgress?.(rowsRead);
	if (!header) throw new Error('unreachable: no header after reading');
	const { line, headers } = header;
	return { headerLine: line, headers, columns: headers.length, rows, preview };
}

/** Converts one sheet of an .xlsx to the importer's CSV (layout in the module comment). */
export async function xlsxToCsv(
	xlsxPath: string,
	csvPath: string,
	options: XlsxOptions
): Promise<XlsxConversion & { preview: string[][] }> {
	await assertZipSafe(xlsxPath);
	const guard = new ReadGuard();
	const input = guard.open(xlsxPath);
	const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
		worksheets: 'emit',
		sharedStrings: 'cache',
		hyperlinks: 'ignore',
		styles: 'cache', // needed for date number formats, without which dates come back as serial numbers
		entries: 'emit'
	});
	const internals = reader as unknown as ReaderInternals;
	decodePartsAsText(internals);
	// A zip that stores workbook.xml after streamed sheets would crash exceljs on `model.sheets` and
	// `properties.model`; with these stand-ins such sheets are read unnamed, in the 1900 date system.
	internals.model ??= { sheets: [] };
	internals.properties ??= { model: {} };
	// The part number of the sheet being emitted, announced just before its reader is yielded.
	let sheetNo: string | undefined;
	internals.on('entry', (entry) => {
		if (entry.type === 'worksheet') sheetNo = entry.id;
	});

	const worksheets = reader[Symbol.asyncIterator]();
	const seen: string[] = [];
	let tempFile: fs.ReadStream | undefined;
	try {
		for (;;) {
			const next = await guard.read(worksheets.next());
			if (next.done) break;
			const worksheet = next.value;
			const raw = worksheet as unknown as WorksheetInternals;
			// A sheet stored before the shared strings in the zip (Excel and exceljs both do this) is
			// spooled to a temp file first, which exceljs deletes only when asked for the next sheet.
			tempFile = raw.iterator instanceof fs.ReadStream ? raw.iterator : undefined;
			const name = sheetName(internals, sheetNo, raw.name);
			seen.push(name);
			const sheets = workbookSheets(internals);
			const wanted =
				options.sheet ??
				(sheets?.find((s) => (s.state ?? 'visible') === 'visible') ?? sheets?.[0])?.name ??
				name;
			if (name !== wanted) {
				if (tempFile) discard(tempFile);
				continue;
			}
			raw.iterator = utf8Text(raw.iterator);
			const date1904 = internals.properties?.model?.date1904 === true;
			const out = new CsvWriter(csvPath);
			try {
				const result = await convertSheet(worksheet, name, date1904, out, guard, options);
				await out.close();
				return { sheet: name, sheets: sheetList(internals, seen), csvPath, ...result };
			} catch (error) {
				out.destroy();
				throw error;
			}
		}
		const found = sheetList(internals, seen);
		if (options.sheet === undefined) {
			throw new ImportError('The workbook has no worksheet / 工作簿中没有工作表', 'empty', { sheets: found });
		}
		if (found.includes(options.sheet)) {
			throw new ImportError(
				`Sheet "${options.sheet}" is stored before the workbook's sheet list and cannot be picked by name; re-save the file in Excel / 工作表 "${options.sheet}" 存放在工作表目录之前，无法按名称读取，请用 Excel 重新保存`,
				'unreadable',
				{ sheet: options.sheet, sheets: found }
			);
		}
		throw new ImportError(
			`Sheet "${options.sheet}" not found; the workbook has: ${found.join(', ')} / 找不到工作表 "${options.sheet}"，工作簿中有：${found.join('、')}`,
			'unreadable',
			{ sheet: options.sheet, sheets: found }
		);
	} finally {
		if (!guard.broken) await release(worksheets, tempFile);
		if (tempFile) discard(tempFile);
		discard(input);
	}
}

/** Closes a stream we will not read; it may still be opening a temp file exceljs is about to delete. */
function discard(stream: fs.ReadStream): void {
	stream.on('error', () => {});
	stream.destroy();
}

function sheetList(reader: ReaderInternals, seen: string[]): string[] {
	return [...new Set([...(workbookSheets(reader)?.map((s) => s.name) ?? []), ...seen])];
}

async function release(worksheets: AsyncGenerator<WorksheetReader>, tempFile: fs.ReadStream | undefined) {
	try {
		if (tempFile) {
			discard(tempFile);
			// Walk through the remaining spooled sheets so exceljs deletes every temp file now, not at exit.
			for (let next = await worksheets.next(); !next.done; next = await worksheets.next()) {
				const iterator = (next.value as unknown as WorksheetInternals).iterator;
				if (iterator instanceof fs.ReadStream) discard(iterator);
			}
		} else {
			await worksheets.return(undefined);
		}
	} catch {
		// Cleanup only; the conversion's own outcome has already been decided.
	}
}
