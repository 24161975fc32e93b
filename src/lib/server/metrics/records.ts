import {
	Bool,
	DateDay,
	Float64,
	Int32,
	Table,
	TimestampMillisecond,
	makeData,
	makeVector,
	tableToIPC,
	type Vector
} from 'apache-arrow';
import { limitToScope } from '$lib/domain/auth/scope';
import { KIND_DEFS, KINDS, type FieldType, type Kind } from '$lib/domain/records';
import type { Locale } from '$lib/i18n';
import { FILTER_NAMES, filterFits, type FilterName, type MetricQuery } from '$lib/domain/metrics/query';
import type { RecordRule } from '$lib/domain/metrics/record-rules';
import { ofType, type Column } from '../db/columns';
import type { Database } from '../db/connection';
import { textVectors } from './arrow-text';
import { loadMetricConfig } from './config';
import { MetricQueryError } from './errors';
import { ignoresFrom, rulesSql } from './record-rules';
import { Params, whereSql } from './sql';

export const MAX_RECORDS = 200_000;

/**
 * How a column travels. Text comes in one UTF-8 buffer for all text columns (see textVectors), so the
 * row query only selects each value's byte length. The rest is selected as a number (epoch
 * milliseconds for times, days for dates) whose typed array becomes the Arrow vector as it is.
 */
type Encoding =
	{ text: 'dictionary' | 'utf8' } | { select: (c: string) => string; vector: (column: Column) => Vector };

/** An Arrow makeData's buffers from a typed column. */
const buffers = <V>(c: { length: number; nullCount: number; valid: Uint8Array | null; values: V }) => ({
	length: c.length,
	nullCount: c.nullCount,
	nullBitmap: c.valid,
	data: c.values
});

const days: Encoding = {
	select: (c) => `CAST(date_diff('day', DATE '1970-01-01', ${c}) AS INTEGER)`,
	vector: (c) => makeVector(makeData({ type: new DateDay(), ...buffers(ofType(c, 'int32')) }))
};
const integer: Encoding = {
	select: (c) => `CAST(${c} AS INTEGER)`,
	vector: (c) => makeVector(makeData({ type: new Int32(), ...buffers(ofType(c, 'int32')) }))
};

const ENCODING: Record<FieldType, Encoding> = {
	text: { text: 'dictionary' },
	return_type: { text: 'utf8' },
	timestamp: {
		select: (c) => `epoch_ms(${c})`,
		vector: (c) => makeVector(makeData({ type: new TimestampMillisecond(), ...buffers(ofType(c, 'int64')) }))
	},
	date: days,
	month: days,
	amount: {
		select: (c) => `CAST(${c} AS DOUBLE)`,
		vector: (c) => makeVector(makeData({ type: new Float64(), ...buffers(ofType(c, 'float64')) }))
	},
	count: integer,
	score5: integer,
	score10: integer,
	bool: {
		select: (c) => `CAST(${c} AS BOOLEAN)`,
		vector: (c) => makeVector(makeData({ type: new Bool(), ...buffers(ofType(c, 'bool')) }))
	}
};

function tableKind(table: string): Kind {
	const kind = KINDS.find((k) => KIND_DEFS[k].table === table);
	if (!kind)
		throw new MetricQueryError('records.unknownTable', {
			table,
			tables: KINDS.map((k) => KIND_DEFS[k].table).join(', ')
		});
	return kind;
}

/** The filters that can narrow a kind's table: its columns, and the rule filters of that table. */
export function recordFilters(kind: Kind): FilterName[] {
	const names = new Set(KIND_DEFS[kind].fields.map((f) => f.name));
	return FILTER_NAMES.filter((f) => filterFits(f, KIND_DEFS[kind].table, names));
}

/** Sort order of a records request: a column of the table, validated before it names one in SQL. */
export interface RecordSort {
	column: string;
	dir: 'asc' | 'desc';
}

/**
 * What selects records besides the page's query: rules (record-rules.ts) and a sort; `locale` picks
 * the language of the defect names (zh-CN when absent).
 */
export interface RecordSelection {
	rules?: readonly RecordRule[];
	sort?: RecordSort;
	locale?: Locale;
}

/** The column that names a record's defect code from the dictionary (alias dc), beside the code. */
export const DEFECT_NAME = 'defect_name';
const DEFECT_NAMES_JOIN = 'LEFT JOIN defect_codes dc ON dc.code = t.defect_code';

/**
 * The columns every records answer carries, in order: the kind's fields, with the dictionary's name
 * of the defect code right after the code (in `locale`, the Chinese name where an entry has no
 * English one), extra, batch_id.
 */
function columnsOf(kind: Kind, locale: Locale = 'zh-CN') {
	const name = locale === 'en' ? 'coalesce(dc.name_en, dc.name_zh)' : 'dc.name_zh';
	return [
		...KIND_DEFS[kind].fields.flatMap((f) => {
			const column = { name: f.name, type: f.type, sql: `t.${f.name}`, encoding: ENCODING[f.type] };
			if (f.name !== 'defect_code') return [column];
			return [column, { name: DEFECT_NAME, type: 'text' as const, sql: name, encoding: ENCODING.text }];
		}),
		{ name: 'extra', type: 'text' as const, sql: 'CAST(t.extra AS VARCHAR)', encoding: ENCODING.return_type },
		{ name: 'batch_id', type: 'count' as const, sql: 't.batch_id', encoding: ENCODING.count }
	];
}

/** The names of the columns a records answer of `table` carries (the ones `sort` accepts). */
export const recordColumns = (table: string): string[] => columnsOf(tableKind(table)).map((c) => c.name);

/** FROM … WHERE … and ORDER BY of a selection, with its bound values in `p`. */
async function selectionSql(p: Params, table: string, query: MetricQuery, selection: RecordSelection) {
	const kind = tableKind(table);
	const def = KIND_DEFS[kind];
	const allowed = recordFilters(kind);
	const scoped = limitToScope(table, allowed, query);
	for (const name of Object.keys(scoped.filters)) {
		if (!allowed.includes(name as FilterName)) {
			throw new MetricQueryError('records.badFilter', { table, filters: allowed.join(', '), name });
		}
	}
	const columns = columnsOf(kind, selection.locale);
	const rules = selection.rules ?? [];
	const { params } = await loadMetricConfig();
	const windowed = ignoresFrom(rules) ? { ...scoped, from: undefined } : scoped;
	const where = whereSql(p, windowed, { alias: 't', dateColumn: def.dateField, filters: allowed, params });
	const ruled = rulesSql(p, rules, {
		alias: 't',
		params,
		query: scoped,
		columns: columns.map((c) => c.name)
	});
	const sort = selection.sort;
	if (sort && !columns.some((c) => c.name === sort.column))
		throw new MetricQueryError('records.badSort', {
			table,
			column: sort.column,
			columns: columns.map((c) => c.name).join(', ')
		});
	// The key makes the order total, so that pages neither overlap nor skip a record.
	const sortSql = sort && columns.find((c) => c.name === sort.column)!.sql;
	const order = [
		...(sort ? [`${sortSql} ${sort.dir === 'asc' ? 'ASC' : 'DESC'} NULLS LAST`] : []),
		`t.${def.dateField} DESC`,
		...def.key.map((k) => `t.${k}`)
	].join(', ');
	// Only the rows' query reads names (and a sort by them); a count needs no join.
	const named = columns.some((c) => c.name === DEFECT_NAME);
	return {
		kind,
		columns,
		from: `FROM ${def.table} t WHERE ${where} AND ${ruled}`,
		namedFrom: `FROM ${def.table} t ${named ? DEFECT_NAMES_JOIN : ''} WHERE ${where} AND ${ruled}`,
		order
	};
}

/** How many records a selection holds (what a drill-down's figure is compared with). */
export async function recordsCount(
	db: Database,
	table: string,
	query: MetricQuery,
	selection: RecordSelection = {}
): Promise<number> {
	const p = new Params();
	const { from } = await selectionSql(p, table, query, selection);
	const [row] = await db.query(`SELECT count(*) AS n ${from}`, p.values);
	return Number(row.n);
}

/**
 * The records behind a chart, newest first unless sorted, as an Arrow IPC stream: typed columns
 * (dictionary-encoded text, epoch-millisecond times) are far smaller than the same rows as JSON. One
 * statement reads the page: its numbers, each text value's byte length, and each row's text values
 * joined into one string, so that no value crosses from DuckDB as a JS object of its own (100k rows
 * took seconds so).
 */
export async function recordsArrow(
	db: Database,
	table: string,
	query: MetricQuery,
	{ limit, offset, ...selection }: { limit: number; offset: number } & RecordSelection
): Promise<Uint8Array> {
	if (limit < 1 || limit > MAX_RECORDS) throw new MetricQueryError('records.badLimit', { max: MAX_RECORDS });
	const p = new Params();
	const { columns, namedFrom, order } = await selectionSql(p, table, query, selection);
	const texts = columns.filter((c) => 'text' in c.encoding).map((c) => c.sql);
	const result = await db.queryColumns(
		`SELECT ${columns
			.map((c) =>
				'text' in c.encoding ? `CAST(coalesce(strlen(${c.sql}), -1) AS INTEGER)` : c.encoding.select(c.sql)
			)
			.join(', ')}, concat(${texts.join(', ')})
		${namedFrom} ORDER BY ${order}
		LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}`,
		p.values
	);
	const rows = result.slice(0, columns.length);
	const textColumns = textVectors(
		ofType(result[columns.length], 'text').values,
		columns.flatMap((c, i) =>
			'text' in c.encoding
				? [{ lengths: ofType(rows[i], 'int32').values, dictionary: c.encoding.text === 'dictionary' }]
				: []
		)
	);
	let nextText = 0;
	const vectors: Record<string, Vector> = {};
	columns.forEach((c, i) => {
		vectors[c.name] = 'text' in c.encoding ? textColumns[nextText++] : c.encoding.vector(rows[i]);
	});
	return tableToIPC(new Table(vectors), 'stream');
}
