import {
	Bool,
	DateDay,
	Dictionary,
	Float64,
	Int32,
	Table,
	TimestampMillisecond,
	Utf8,
	tableToIPC,
	vectorFromArray,
	type DataType,
	type Vector
} from 'apache-arrow';
import { KIND_DEFS, KINDS, type FieldType, type Kind } from '$lib/fields';
import { FILTER_COLUMNS, FILTER_NAMES, type FilterName, type MetricQuery } from '$lib/metrics/types';
import type { Database } from '../db/connection';
import { MetricQueryError } from './registry';
import { Params, whereSql } from './sql';

/** The date each table is filtered and ordered by. */
const DATE_COLUMN: Record<Kind, string> = {
	repair: 'received_at',
	return: 'requested_at',
	complaint: 'received_at',
	survey: 'responded_at',
	sales: 'period'
};

export const MAX_RECORDS = 200_000;

/** Each field is selected as a JS primitive (epoch milliseconds for times) and typed for Arrow. */
const ARROW: Record<FieldType, { select: (c: string) => string; type: () => DataType }> = {
	text: { select: (c) => c, type: () => new Dictionary(new Utf8(), new Int32()) },
	return_type: { select: (c) => c, type: () => new Utf8() },
	timestamp: { select: (c) => `epoch_ms(${c})`, type: () => new TimestampMillisecond() },
	date: { select: (c) => `epoch_ms(CAST(${c} AS TIMESTAMP))`, type: () => new DateDay() },
	month: { select: (c) => `epoch_ms(CAST(${c} AS TIMESTAMP))`, type: () => new DateDay() },
	amount: { select: (c) => `CAST(${c} AS DOUBLE)`, type: () => new Float64() },
	count: { select: (c) => c, type: () => new Int32() },
	score5: { select: (c) => c, type: () => new Int32() },
	score10: { select: (c) => c, type: () => new Int32() },
	bool: { select: (c) => c, type: () => new Bool() }
};

export function tableKind(table: string): Kind {
	const kind = KINDS.find((k) => KIND_DEFS[k].table === table);
	if (!kind)
		throw new MetricQueryError(
			`Unknown table "${table}"; tables: ${KINDS.map((k) => KIND_DEFS[k].table).join(', ')}`
		);
	return kind;
}

/** The filters that exist as columns of a kind's table. */
export function recordFilters(kind: Kind): FilterName[] {
	const names = new Set(KIND_DEFS[kind].fields.map((f) => f.name));
	return FILTER_NAMES.filter((f) => names.has(FILTER_COLUMNS[f]));
}

/**
 * The records behind a chart, newest first, as an Arrow IPC stream: typed columns (dictionary-encoded
 * text, epoch-millisecond times) are far smaller than the same rows as JSON.
 */
export async function recordsArrow(
	db: Database,
	table: string,
	query: MetricQuery,
	page: { limit: number; offset: number }
): Promise<Uint8Array> {
	const kind = tableKind(table);
	const def = KIND_DEFS[kind];
	const allowed = recordFilters(kind);
	for (const name of Object.keys(query.filters)) {
		if (!allowed.includes(name as FilterName)) {
			throw new MetricQueryError(`${table} can be filtered by ${allowed.join(', ')}; not "${name}"`);
		}
	}
	if (page.limit < 1 || page.limit > MAX_RECORDS)
		throw new MetricQueryError(`limit must be 1…${MAX_RECORDS}`);
	const p = new Params();
	const where = whereSql(p, query, { alias: 't', dateColumn: DATE_COLUMN[kind], filters: allowed });
	const select = def.fields.map((f) => `${ARROW[f.type].select(`t.${f.name}`)} AS ${f.name}`);
	const { columns } = await db.queryColumns(
		`SELECT ${select.join(', ')}, CAST(t.extra AS VARCHAR) AS extra, t.batch_id
		 FROM ${def.table} t WHERE ${where}
		 ORDER BY t.${DATE_COLUMN[kind]} DESC, ${def.key.map((k) => `t.${k}`).join(', ')}
		 LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)}`,
		p.values
	);
	const vectors: Record<string, Vector> = {};
	def.fields.forEach((f, i) => {
		const type = ARROW[f.type].type();
		const values =
			type instanceof TimestampMillisecond || type instanceof DateDay
				? columns[i].map((v) => (v === null ? null : new Date(Number(v))))
				: columns[i];
		vectors[f.name] = vectorFromArray(values, type);
	});
	vectors.extra = vectorFromArray(columns[def.fields.length] as (string | null)[], new Utf8());
	vectors.batch_id = vectorFromArray(columns[def.fields.length + 1] as number[], new Int32());
	return tableToIPC(new Table(vectors), 'stream');
}
