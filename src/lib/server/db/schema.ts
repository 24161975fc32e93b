import type { FieldType, KindDef } from '$lib/domain/records';
import { REPAIR_SEQUENCE_COLUMN_DEFS } from './repair-sequence';

/** How a field's parsed value is stored. */
export const SQL_TYPE: Record<FieldType, string> = {
	text: 'VARCHAR',
	timestamp: 'TIMESTAMP',
	date: 'DATE',
	month: 'DATE',
	amount: 'DECIMAL(18,2)',
	count: 'INTEGER',
	score5: 'INTEGER',
	score10: 'INTEGER',
	bool: 'BOOLEAN',
	return_type: 'VARCHAR'
};

/** What a table needs of a field. */
export interface SchemaField {
	name: string;
	type: FieldType;
	required?: boolean;
}

/** A column as written in CREATE TABLE: its name, then type and constraints. */
interface ColumnSql {
	name: string;
	sql: string;
}

/** Columns a table derives from its records, beyond the fields; the history keeps none of them. */
const DERIVED_COLUMNS: Partial<Record<string, readonly ColumnSql[]>> = {
	repairs: REPAIR_SEQUENCE_COLUMN_DEFS
};

function createTableSql(table: string, columns: readonly ColumnSql[]): string {
	return `CREATE TABLE ${table} (\n${columns.map((c) => `\t${c.name} ${c.sql}`).join(',\n')}\n);\n`;
}

/**
 * A record table and its history twin. The table holds each key's current record: its fields (NOT
 * NULL where required), the unmapped columns as `extra`, the batch that stored it, and `derived`. The
 * twin keeps every version a later batch replaced, with no constraint on the fields: when and by
 * which batch it was superseded.
 */
export function recordTablesSql(
	table: string,
	fields: readonly SchemaField[],
	derived: readonly ColumnSql[] = []
): string {
	const columns = (notNull: (field: SchemaField) => boolean) =>
		fields.map((f) => ({ name: f.name, sql: SQL_TYPE[f.type] + (notNull(f) ? ' NOT NULL' : '') }));
	return (
		createTableSql(table, [
			...columns((f) => f.required === true),
			{ name: 'extra', sql: 'JSON' },
			{ name: 'batch_id', sql: 'INTEGER NOT NULL' },
			...derived
		]) +
		createTableSql(`${table}_history`, [
			...columns(() => false),
			{ name: 'extra', sql: 'JSON' },
			{ name: 'batch_id', sql: 'INTEGER' },
			{ name: 'superseded_at', sql: 'TIMESTAMP NOT NULL' },
			{ name: 'superseded_by_batch', sql: 'INTEGER NOT NULL' }
		])
	);
}

/** The tables a kind's records are stored in, as the kind defines them today. */
export function kindTablesSql(def: KindDef): string {
	return recordTablesSql(def.table, def.fields, DERIVED_COLUMNS[def.table]);
}
