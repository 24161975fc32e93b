import type { FieldType } from '$lib/domain/records';
import type { RejectReason } from '$lib/domain/ingest/api';

/**
 * SQL expressions that turn one trimmed text cell (an SQL expression `v`, NULL when empty) into a
 * typed value. Parsing runs inside DuckDB so a million-row file never passes through JavaScript.
 */

/** Cells that mean "no value" in the exports we see. */
const NULL_TOKENS = ['', '-', '--', '—', '——', '/', 'N/A', 'n/a', 'NA', 'null', 'NULL', '无'];
const NULL_TOKEN_BYTES = Math.max(...NULL_TOKENS.map((t) => Buffer.byteLength(t)));

const TIMESTAMP_FORMATS = [
	'%Y-%m-%d %H:%M:%S',
	'%Y-%m-%d %H:%M',
	'%Y-%m-%dT%H:%M:%S',
	'%Y-%m-%dT%H:%M',
	'%Y-%m-%d',
	'%Y/%m/%d %H:%M:%S',
	'%Y/%m/%d %H:%M',
	'%Y/%m/%d',
	'%Y.%m.%d %H:%M:%S',
	'%Y.%m.%d',
	'%Y年%m月%d日 %H:%M:%S',
	'%Y年%m月%d日 %H:%M',
	'%Y年%m月%d日%H:%M',
	'%Y年%m月%d日',
	'%Y%m%d',
	'%Y-%m-%d %H:%M:%S.%f',
	'%Y-%m-%dT%H:%M:%S.%f'
];

const TRUE_WORDS = ['是', 'y', 'yes', 'true', '1', 't', '保内', '√', '✓', '对'];
const FALSE_WORDS = ['否', 'n', 'no', 'false', '0', 'f', '保外', '×', '✗', '错'];
const RETURN_TYPES: Record<string, string[]> = {
	return: ['return', '退货', '退货退款', '退'],
	exchange: ['exchange', '换货', '换'],
	refund: ['refund', '退款', '仅退款']
};

const list = (values: string[]) => `[${values.map(literal).join(', ')}]`;

/** Only for constants written in this module: user text is always bound as a parameter. */
function literal(value: string): string {
	return `'${value.replace(/'/g, "''")}'`;
}

/** The white space trimmed from cells: ASCII, no-break and ideographic. */
const SPACES = [' ', '\t', '\n', '\v', '\f', '\r', '\u00a0', '\u3000'];
const SPACE_CLASS = `[${SPACES.map((c) => `\\x{${(c.codePointAt(0) as number).toString(16)}}`).join('')}]`;

/**
 * Whether any of the row's cells starts or ends with white space: one regular expression over the
 * cells joined by \x01 costs far less than one per cell, and looking for the white space characters
 * themselves first (a byte search each) spares most rows even that. A cell that itself holds \x01
 * beside a space only makes its row take the trimming path: no value changes.
 */
export function rowHasEdgeSpaceSql(columns: string[]): string {
	if (columns.length === 0) return 'false';
	const joined = `concat_ws(chr(1), ${columns.join(', ')})`;
	const anySpace = SPACES.map((c) => `contains(${joined}, chr(${c.codePointAt(0)}))`).join(' OR ');
	return `CASE WHEN ${anySpace}
		THEN coalesce(regexp_matches(${joined}, '(^|\\x01)${SPACE_CLASS}|${SPACE_CLASS}($|\\x01)'), false)
		ELSE false END`;
}

/** The cell without the white space around it. */
export function trimmedCell(column: string): string {
	return `trim(${column}, '${SPACES.join('')}')`;
}

/** The cell as it is, or NULL for an empty cell or a null token (every one is at most six bytes). */
export function plainCellValue(column: string): string {
	return `CASE WHEN strlen(${column}) <= ${NULL_TOKEN_BYTES} AND list_contains(${list(NULL_TOKENS)}, ${column}) THEN NULL ELSE ${column} END`;
}

/** The trimmed cell, or NULL for an empty cell or a null token. */
export function trimmedCellValue(column: string): string {
	const trimmed = trimmedCell(column);
	return `CASE WHEN list_contains(${list(NULL_TOKENS)}, ${trimmed}) THEN NULL ELSE ${trimmed} END`;
}

/**
 * The trimmed cell, or NULL for empty cells and null tokens. The costly multi-character trim runs
 * only in rows `edgeSpace` flags; list_contains keeps DuckDB from planning the tokens as a join.
 */
export function cellValue(column: string, edgeSpace: string): string {
	return `CASE WHEN ${edgeSpace} THEN ${trimmedCellValue(column)} ELSE ${plainCellValue(column)} END`;
}

/**
 * Types whose parsers give a value with ASCII white space around the text only when they give the
 * same value without it (strptime skips it) and fail on any other (no-break, ideographic): their
 * cells are parsed as they are, and trimmed and parsed again only when that fails. Numbers are not
 * among them: DuckDB casts ' - ' to 0.
 */
export const SPACE_TOLERANT_TYPES: readonly FieldType[] = ['timestamp', 'date', 'month'];

const D = '[0-9]';
/** ISO date and date-time, digits in every place: DuckDB's cast reads exactly these as strptime does. */
const ISO_DATE_GLOB = `${D}${D}${D}${D}-${D}${D}-${D}${D}`;
const ISO_DATE_TIME_GLOB = `${ISO_DATE_GLOB} ${D}${D}:${D}${D}:${D}${D}`;

/**
 * A failed format attempt costs several times a successful one, so the ISO forms most exports use
 * are tried alone only on cells of their shape; everything else goes to the full list. The two
 * commonest shapes, all digits, go to DuckDB's own cast, twice as fast as strptime and equal to it on
 * them except for hour 24, which the cast reads as the next day and strptime refuses. Excel stores
 * dates as days since 1899-12-30; five-digit serials cover 1927–2173. A cell without a digit is no
 * date: try_strptime reads the words 'infinity', '-infinity' and 'epoch' as 1900-01-01.
 */
function timestampSql(v: string): string {
	return `CASE WHEN ${v} GLOB '${ISO_DATE_TIME_GLOB}' AND NOT ${v} LIKE '___________24%' OR ${v} GLOB '${ISO_DATE_GLOB}'
		THEN coalesce(TRY_CAST(${v} AS TIMESTAMP), try_strptime(${v}, ${list(TIMESTAMP_FORMATS)}))
		WHEN ${v} LIKE '____-%' THEN coalesce(CASE
				WHEN ${v} LIKE '% %:%:%' THEN try_strptime(${v}, '%Y-%m-%d %H:%M:%S')
				WHEN ${v} LIKE '% %:%' THEN try_strptime(${v}, '%Y-%m-%d %H:%M')
				WHEN strlen(${v}) <= 10 THEN try_strptime(${v}, '%Y-%m-%d') END,
			try_strptime(${v}, ${list(TIMESTAMP_FORMATS)}))
		WHEN regexp_full_match(${v}, '\\d{5}(\\.\\d+)?')
		THEN TIMESTAMP '1899-12-30 00:00:00' + to_seconds(CAST(round(CAST(${v} AS DOUBLE) * 86400) AS BIGINT))
		WHEN regexp_matches(${v}, '\\d') THEN try_strptime(${v}, ${list(TIMESTAMP_FORMATS)}) END`;
}

function numberSql(v: string): string {
	return `TRY_CAST(regexp_replace(${v}, '[¥￥,，\\s元]|RMB|CNY', '', 'g') AS DOUBLE)`;
}

function integerSql(v: string): string {
	const n = numberSql(v);
	return `CASE WHEN ${n} = floor(${n}) AND abs(${n}) < 2147483647 THEN CAST(${n} AS INTEGER) END`;
}

export function typedSql(type: FieldType, v: string): string {
	switch (type) {
		case 'text':
			return v;
		case 'timestamp':
			return timestampSql(v);
		case 'date':
			return `CAST(${timestampSql(v)} AS DATE)`;
		case 'month':
			return `CASE WHEN regexp_full_match(${v}, '(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*月?|(\\d{4})(\\d{2})')
				THEN CAST(try_strptime(regexp_replace(${v}, '^(\\d{4})\\s*[-/.年]?\\s*(\\d{1,2})\\s*月?$', '\\1-\\2-01'), '%Y-%m-%d') AS DATE)
				ELSE CAST(date_trunc('month', ${timestampSql(v)}) AS DATE) END`;
		case 'amount':
			// TRY_CAST: NaN, infinity and values beyond DECIMAL(18,2) are invalid numbers, not errors.
			return `coalesce(TRY_CAST(${v} AS DECIMAL(18,2)), TRY_CAST(${numberSql(v)} AS DECIMAL(18,2)))`;
		case 'count':
		case 'score5':
		case 'score10':
			return integerSql(v);
		case 'bool':
			return `CASE WHEN list_contains(${list(TRUE_WORDS)}, lower(${v})) THEN true WHEN list_contains(${list(FALSE_WORDS)}, lower(${v})) THEN false END`;
		case 'return_type':
			return `CASE ${Object.entries(RETURN_TYPES)
				.map(([type, words]) => `WHEN list_contains(${list(words)}, lower(${v})) THEN ${literal(type)}`)
				.join(' ')} END`;
	}
}

export const INVALID_REASON: Record<FieldType, RejectReason | null> = {
	text: null,
	timestamp: 'invalid_timestamp',
	date: 'invalid_date',
	month: 'invalid_month',
	amount: 'invalid_number',
	count: 'invalid_number',
	score5: 'invalid_number',
	score10: 'invalid_number',
	bool: 'invalid_bool',
	return_type: 'invalid_return_type'
};

/** Dates before this day are typos (1025 for 2025) or an export's placeholder, not service data. */
export const EARLIEST_DAY = '1950-01-01';
/** How many years after the import date a date may lie (a planned visit, a deadline). */
export const YEARS_AHEAD = 1;
/**
 * Amounts at or beyond this, either sign, are typos or placeholders; below it, the four costs of a
 * repair still add up within DECIMAL(18,2), and sums over any number of rows within DECIMAL(38,2).
 */
export const AMOUNT_LIMIT = 1e12;

/** The local calendar day as YYYY-MM-DD. */
const isoDay = (d: Date) =>
	`${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** The days a date field accepts when importing on `now`: from `first` to `last`, both included. */
export function acceptedDays(now: Date): { first: string; last: string } {
	const last = new Date(now.getFullYear() + YEARS_AHEAD, now.getMonth(), now.getDate());
	return { first: EARLIEST_DAY, last: isoDay(last) };
}

/**
 * A typed value the parser accepted but the field's rules forbid, with its reason. `days` gives SQL
 * expressions (bound parameters) for acceptedDays' first and last day; it is called only for dates.
 */
export function ruleViolations(
	type: FieldType,
	typed: string,
	days: () => { first: string; last: string }
): [string, RejectReason][] {
	switch (type) {
		case 'amount':
			return [
				[`${typed} < 0`, 'negative'],
				[`abs(${typed}) >= ${AMOUNT_LIMIT}`, 'out_of_range']
			];
		case 'timestamp':
		case 'date':
		case 'month': {
			const { first, last } = days();
			return [
				[
					`${typed} < CAST(${first} AS DATE) OR ${typed} >= CAST(${last} AS DATE) + INTERVAL 1 DAY`,
					'out_of_range'
				]
			];
		}
		case 'count':
			return [[`${typed} < 0`, 'negative']];
		case 'score5':
			return [[`${typed} NOT BETWEEN 1 AND 5`, 'out_of_range']];
		case 'score10':
			return [[`${typed} NOT BETWEEN 0 AND 10`, 'out_of_range']];
		default:
			return [];
	}
}
