import fs from 'node:fs';
import { columnLetter, rowCells } from './xlsx-cells';
import { ReadGuard, WorkbookStream, type WorksheetReader } from './xlsx-reader';
import { ImportError } from './errors';
import { MAX_COLUMNS } from './stage';
import { assertZipSafe } from './zip-guard';

export { cellText, columnLetter } from './xlsx-cells';

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

const csvField = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

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
			throw new ImportError('empty', 'ingest.sheetNoHeader', { sheet }, { sheet, row: line });
		}
		if (width > MAX_COLUMNS) {
			throw new ImportError(
				'too_large',
				'ingest.tooManyColumns',
				{ columns: width, max: MAX_COLUMNS },
				{ sheet, columns: width, max: MAX_COLUMNS }
			);
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
					'unreadable',
					'ingest.sheetWideRow',
					{ sheet, row: number, column, last },
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
				throw new ImportError('unreadable', 'ingest.sheetRowNumber', { sheet }, { sheet });
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
		if (window.length === 0) throw new ImportError('empty', 'ingest.sheetEmpty', { sheet }, { sheet });
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
	const entries = await assertZipSafe(xlsxPath);
	// exceljs reads only this part's sheets; a zip without it is some other archive.
	if (!entries.some((entry) => entry.name === 'xl/workbook.xml')) {
		throw new ImportError('unreadable', 'ingest.zipNotWorkbook', {}, {});
	}
	const workbook = new WorkbookStream(xlsxPath);
	try {
		for (let next = await workbook.next(); next; next = await workbook.next()) {
			const { worksheet, name } = next;
			const wanted = options.sheet ?? workbook.defaultSheet() ?? name;
			if (name !== wanted) {
				workbook.skip();
				continue;
			}
			workbook.select(worksheet);
			const out = new CsvWriter(csvPath);
			try {
				const result = await convertSheet(worksheet, name, workbook.date1904, out, workbook.guard, options);
				await out.close();
				return { sheet: name, sheets: workbook.sheetList(), csvPath, ...result };
			} catch (error) {
				out.destroy();
				throw error;
			}
		}
		const found = workbook.sheetList();
		if (options.sheet === undefined) {
			throw new ImportError('empty', 'ingest.noWorksheet', {}, { sheets: found });
		}
		if (found.includes(options.sheet)) {
			throw new ImportError(
				'unreadable',
				'ingest.sheetBeforeList',
				{ sheet: options.sheet },
				{ sheet: options.sheet, sheets: found }
			);
		}
		throw new ImportError(
			'unreadable',
			'ingest.sheetNotFound',
			{ sheet: options.sheet, sheets: found.join(', ') },
			{ sheet: options.sheet, sheets: found }
		);
	} finally {
		await workbook.close();
	}
}
