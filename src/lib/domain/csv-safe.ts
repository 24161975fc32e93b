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
	const lines = [...(options.header ? [options.header.map((c) => String(c ?? ''))] : []), ...rows];
	if (!lines.length) return options.bom ? UTF8_BOM : '';
	// Every line ends with CRLF, the header included: handed a header alone, Papa ends it with CRLF
	// itself, and adding one more left a blank line between a streamed header and its rows. In a
	// one-column file an empty value is quoted: an empty line is what readers skip, not a record.
	const oneColumn = lines.every((line) => line.length === 1);
	const cells = lines.map((line) => neutraliseRow(line).map((c) => (oneColumn ? (c ?? '') : c)));
	const text =
		Papa.unparse(cells, {
			newline: '\r\n',
			quotes: oneColumn ? (value: unknown) => value === '' : false,
			escapeFormulae: false
		}) + '\r\n';
	return options.bom ? UTF8_BOM + text : text;
}
