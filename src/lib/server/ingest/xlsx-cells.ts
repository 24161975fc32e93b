import ExcelJS from 'exceljs';

/** Cell values of the streaming reader as the text they go to the importer's CSV as. */

const MS_PER_DAY = 86_400_000;
/** Days from Excel's day 0 (1899-12-30, counting its fictitious 1900-02-29) to 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25569;
const DATE1904_OFFSET_DAYS = 1462;

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

export function rowCells(row: ExcelJS.Row, date1904: boolean): string[] {
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
