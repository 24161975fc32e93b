import Papa from 'papaparse';

/** Characters that make a spreadsheet treat a cell as a formula (or hide one): = + - @ tab CR. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * CSV-injection guard: a text cell that a spreadsheet would evaluate gets a leading single quote.
 * Numbers, booleans and null are written as they are (a number cannot carry a formula).
 */
export function neutraliseCell(value: unknown): string | number | boolean | null {
	if (value === null || value === undefined) return null;
	if (typeof value === 'number' || typeof value === 'boolean') return value;
	const text = String(value);
	return FORMULA_START.test(text) ? `'${text}` : text;
}

function neutraliseRow(row: readonly unknown[]): (string | number | boolean | null)[] {
	return row.map(neutraliseCell);
}

export const UTF8_BOM = '\uFEFF';

/**
 * Rows → CSV text with every cell neutralised. The header row is neutralised too. Pass `bom: true`
 * for the first chunk of a download so Excel reads UTF-8; later chunks of a streamed file set
 * `header` to undefined and `bom` to false.
 */
export function toSafeCsv(
	rows: readonly (readonly unknown[])[],
	options: { header?: readonly string[]; bom?: boolean } = {}
): string {
	const data = rows.map(neutraliseRow);
	const body = Papa.unparse(
		options.header ? { fields: neutraliseRow(options.header).map((c) => String(c ?? '')), data } : data,
		{ newline: '\r\n', header: options.header !== undefined, quotes: false, escapeFormulae: false }
	);
	const text = body === '' ? '' : body + '\r\n';
	return options.bom ? UTF8_BOM + text : text;
}
