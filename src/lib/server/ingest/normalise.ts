import type { FieldDef, KindDef } from '$lib/domain/records';
import { SQL_TYPE } from '../db/schema';
import { ImportError } from './errors';
import type { SourceRules } from './types';
import {
	INVALID_REASON,
	acceptedDays,
	SPACE_TOLERANT_TYPES,
	cellValue,
	plainCellValue,
	rowHasEdgeSpaceSql,
	ruleViolations,
	trimmedCell,
	trimmedCellValue,
	typedSql
} from './value-sql';

/** A data column of the staged file: its 1-based position, header text, and the field it maps to. */
export interface StagedColumn {
	index: number;
	header: string;
	field: string | null;
}

export interface NormaliseSql {
	sql: string;
	params: string[];
}

const TOTAL_WORDS = ['合计', '总计', '小计', '总合计', 'total', 'totals', 'grandtotal', 'subtotal', 'sum'];
/** Longer first cells cannot be a totals label, even with spaces and a colon around it. */
const TOTAL_LABEL_BYTES = 72;
/** The characters stripped from a first cell before it is compared with the totals words. */
const TOTAL_LABEL_NOISE = ' \t\n\v\f\r:：';
/**
 * The code points a totals label can start with: a word's first letter in either case, or a
 * stripped character. One look at the first code point rules out almost every data row.
 */
const TOTAL_LABEL_STARTS = [
	...new Set(
		[...TOTAL_WORDS.flatMap((w) => [w[0], w[0].toUpperCase()]), ...TOTAL_LABEL_NOISE].map(
			(c) => c.codePointAt(0) as number
		)
	)
];

/**
 * Builds `norm` from the file's records (`source`, a relation in file order; see csvRelationSql):
 * one row per record, in the same order, with its position `rec` (0-based), flags (blank; skip: a totals row or one a
 * profile filters out; valid: to be stored; rejected: with errors), the typed canonical fields,
 * unmapped columns as JSON in `extra`, and the list of errors. Header texts are bound parameters,
 * never spliced into the SQL.
 */
export function buildNormaliseSql(
	def: KindDef,
	columns: StagedColumn[],
	source: string,
	rules: Pick<SourceRules, 'filter' | 'absolute' | 'combine'>,
	now = new Date()
): NormaliseSql {
	const params: string[] = [];
	const param = (value: string) => {
		params.push(value);
		return `$${params.length}`;
	};
	// Bound once, on the first date field: a statement must use every parameter it is given.
	let days: { first: string; last: string } | undefined;
	const acceptedDaysSql = () => {
		const accepted = acceptedDays(now);
		return (days ??= { first: param(accepted.first), last: param(accepted.last) });
	};
	const col = (c: StagedColumn) => `c${c.index}`;
	const v = (c: StagedColumn) => `v${c.index}`;
	const raw = (c: StagedColumn) => `r${c.index}`;
	const firstTry = (c: StagedColumn) => `p${c.index}`;
	const fieldOf = new Map(def.fields.map((f) => [f.name, f]));
	const byField = new Map(columns.filter((c) => c.field).map((c) => [c.field as string, c]));

	const ruleColumn = (header: string) => {
		const c = columns.find((x) => x.header === header);
		if (!c) throw new ImportError('bad_mapping', 'ingest.filterColumn', { header });
		return c;
	};
	// Rows a profile's filter leaves out are counted with the totals rows as skipped.
	const filters = Object.entries(rules.filter ?? {}).map(([header, pattern]) => ({
		c: ruleColumn(header),
		pattern
	}));
	/** A combined field's columns; its errors name the first. */
	const combined = new Map(
		Object.entries(rules.combine ?? {}).map(([field, headers]) => [field, headers.map(ruleColumn)])
	);
	// Cells of space-tolerant fields skip the row's white-space test (the costliest part of reading
	// a file): they are parsed as they are, and trimmed only when that fails.
	const tolerant = new Set(
		columns.filter(
			(c) =>
				c.field &&
				SPACE_TOLERANT_TYPES.includes(fieldOf.get(c.field)?.type ?? 'text') &&
				!filters.some((f) => f.c === c)
		)
	);
	const checked = columns.filter((c) => !tolerant.has(c));
	const parse = (field: FieldDef, value: string) => {
		const parsed = typedSql(field.type, value);
		return `CAST(${rules.absolute?.includes(field.name) ? `abs(${parsed})` : parsed} AS ${SQL_TYPE[field.type]})`;
	};

	const firstCell = (cell: (c: StagedColumn) => string) =>
		`coalesce(${columns.map((c) => `nullif(${cell(c)}, '')`).join(', ')})`;

	const typed: string[] = [];
	/** [condition, error] pairs; a row's errors are built only when some condition holds. */
	const checks: [string, string][] = [];
	const check = (condition: string, c: StagedColumn, field: string, reason: string) =>
		checks.push([
			condition,
			`struct_pack(field := '${field}', col := ${param(c.header)}, reason := '${reason}', value := ${
				tolerant.has(c) ? trimmedCellValue(col(c)) : v(c)
			})`
		]);

	for (const field of def.fields) {
		const parts = combined.get(field.name);
		const c = parts?.[0] ?? byField.get(field.name);
		if (!c) {
			typed.push(`CAST(NULL AS ${SQL_TYPE[field.type]}) AS ${field.name}`);
			continue;
		}
		const t = `t_${field.name}`;
		// The cells present of a combined field, joined; null when none is.
		const cell = parts ? `nullif(concat_ws('/', ${parts.map(v).join(', ')}), '')` : v(c);
		// A tolerant cell whose first parse failed holds its trimmed text in v, parsed only then.
		const value =
			tolerant.has(c) && !parts ? `coalesce(${firstTry(c)}, ${parse(field, v(c))})` : parse(field, cell);
		typed.push(`${value} AS ${t}`);
		if (field.required) {
			check(`${cell} IS NULL`, c, field.name, 'required_missing');
		}
		const invalid = INVALID_REASON[field.type];
		if (invalid) {
			check(`${cell} IS NOT NULL AND ${t} IS NULL`, c, field.name, invalid);
		}
		for (const [condition, reason] of ruleViolations(field.type, t, acceptedDaysSql)) {
			check(condition, c, field.name, reason);
		}
	}
	for (const [start, end] of def.ordered) {
		const endColumn = byField.get(end);
		if (!byField.has(start) || !endColumn) continue;
		check(`t_${end} < t_${start}`, endColumn, end, 'end_before_start');
	}

	const extraColumns = columns.filter((c) => !c.field && c.header.trim() !== '');
	const extra = extraColumns.length
		? `json_object(${extraColumns.map((c) => `${param(c.header)}, ${v(c)}`).join(', ')})`
		: 'CAST(NULL AS JSON)';
	const skipped = filters.map(
		({ c, pattern }) => `NOT coalesce(regexp_matches(${v(c)}, ${param(pattern)}), false)`
	);
	const finalFields = def.fields.map((f) => (byField.has(f.name) ? `t_${f.name} AS ${f.name}` : f.name));

	// A NULL condition is unknown, so such a row gets its full error list checked too.
	const anyError = checks.length ? `coalesce(${checks.map(([c]) => `(${c})`).join(' OR ')}, true)` : 'false';
	const errorList = checks.length
		? `list_filter([${checks.map(([c, e]) => `CASE WHEN ${c} THEN ${e} END`).join(',\n\t\t')}], x -> x IS NOT NULL)`
		: 'NULL';
	const noErrors = `CAST([] AS STRUCT(field VARCHAR, col VARCHAR, reason VARCHAR, "value" VARCHAR)[])`;
	const totalWords = `[${TOTAL_WORDS.map((w) => `'${w}'`).join(', ')}]`;
	const tolerantColumns = [...tolerant];
	/** More items of a select list, after a first one. */
	const more = (items: string[]) => items.map((x) => `,\n\t\t${x}`).join('');

	const sql = `
CREATE OR REPLACE TEMP TABLE norm_rows AS
WITH f AS (
	SELECT ${rowHasEdgeSpaceSql(checked.map(col))} AS edge_space, * FROM ${source}
), g AS (
	SELECT CASE WHEN edge_space THEN ${firstCell((c) => trimmedCell(col(c)))}
		ELSE ${firstCell((c) => (tolerant.has(c) ? trimmedCell(col(c)) : col(c)))} END AS first_cell${more([
			...checked.map((c) => `${cellValue(col(c), 'edge_space')} AS ${v(c)}`),
			...tolerantColumns.map((c) => `${col(c)}, ${plainCellValue(col(c))} AS ${raw(c)}`)
		])}
	FROM f
), h AS (
	SELECT *, first_cell IS NULL AS blank,
		-- A CASE, not AND: DuckDB computes every operand of an AND outside a filter (and list_contains,
		-- not IN, which it would plan as a join). Only short first cells with a possible first letter
		-- that hold 计, total or sum are rewritten and compared.
		CASE WHEN list_contains([${TOTAL_LABEL_STARTS.join(', ')}], ascii(first_cell)) AND strlen(first_cell) <= ${TOTAL_LABEL_BYTES}
			AND regexp_matches(first_cell, '(?i)计|total|sum')
			THEN list_contains(${totalWords}, regexp_replace(lower(first_cell), '[${TOTAL_LABEL_NOISE}]', '', 'g'))
			ELSE false END AS total_row${more(tolerantColumns.map((c) => `${parse(fieldOf.get(c.field as string)!, raw(c))} AS ${firstTry(c)}`))}
	FROM g
), v AS (
	SELECT *${more(
		tolerantColumns.map(
			(c) =>
				`CASE WHEN ${firstTry(c)} IS NULL AND ${raw(c)} IS NOT NULL THEN ${trimmedCellValue(col(c))} ELSE ${raw(c)} END AS ${v(c)}`
		)
	)}
	FROM h
), t AS (
	SELECT blank, total_row OR ${skipped.length ? skipped.join(' OR ') : 'false'} AS skip,
		${[...columns.map(v), ...tolerantColumns.map(col)].join(', ')},
		${typed.join(',\n\t\t')},
		${extra} AS extra
	FROM v
), e AS (
	SELECT *, CASE WHEN ${anyError} THEN ${errorList} ELSE ${noErrors} END AS errors FROM t
)
SELECT *,
	NOT blank AND NOT skip AND len(errors) = 0 AS valid, NOT blank AND NOT skip AND len(errors) > 0 AS rejected
FROM (SELECT blank, skip, errors, ${finalFields.join(', ')}, extra FROM e)`;
	return { sql, params };
}

/**
 * `norm` itself: the rows with their position. A table built from a file read in one statement keeps
 * the file's order (DuckDB preserves insertion order), so a row's rowid is its record's position.
 */
export const NORM_VIEW_SQL = 'CREATE OR REPLACE TEMP VIEW norm AS SELECT rowid AS rec, * FROM norm_rows';

/**
 * The hash of a record's stored values (a row of `norm` or of the kind's table alike): equal values
 * give equal hashes, which is how duplicates and unchanged records are recognised.
 */
export function recordHashSql(def: KindDef, alias: string): string {
	return `hash(${[...def.fields.map((f) => `${alias}.${f.name}`), `${alias}.extra`].join(', ')})`;
}
