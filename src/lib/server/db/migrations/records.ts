import type { FieldType } from '$lib/domain/records';
import { REBUILD_REPAIR_SEQUENCE_SQL } from '../repair-sequence';
import { recordTablesSql, type SchemaField } from '../schema';
import type { Migration } from './index';

/** The record tables and what their import keeps: lineage, per-unit repair sequence, undo, defect names. */

/**
 * The record kinds' fields as migration 1 created their tables (`name type`, `!` when required),
 * frozen with it: a later change to a kind is a new migration, and tests/integration/schema.test.ts
 * fails until the migrated tables equal what the kinds say.
 */
const V1_KINDS: [table: string, fields: string][] = [
	[
		'repairs',
		`repair_id text!, received_at timestamp!, product_model text!, category text, serial_no text,
		defect_code text, defect_category text, symptom text, root_cause text, completed_at timestamp,
		sold_at date, region text, service_center text, supplier text, in_warranty bool, parts_cost amount,
		labor_cost amount, logistics_cost amount, other_cost amount, status text`
	],
	[
		'returns',
		`return_id text!, requested_at timestamp!, product_model text!, order_id text, return_type return_type,
		reason_code text, reason text, quantity count, amount amount, sold_at date, counter_done_at timestamp,
		inspected_at timestamp, closed_at timestamp, channel text, region text, store text, supplier text,
		defect_confirmed bool`
	],
	[
		'complaints',
		`complaint_id text!, received_at timestamp!, channel text, category text, severity text,
		product_model text, supplier text, region text, store text, first_response_at timestamp,
		resolved_at timestamp, status text, compensation amount, satisfaction score5, description text,
		resolution text`
	],
	[
		'surveys',
		`response_id text!, responded_at timestamp!, csat score5, nps score10, channel text, related_id text,
		product_model text, region text, comment text`
	],
	[
		'sales',
		`period month!, product_model text!, category text, region text, channel text, units count!,
		revenue amount`
	]
];

/** Parses a V1_KINDS field list. */
function frozenFields(spec: string): SchemaField[] {
	return spec.split(/\s*,\s*/).map((column) => {
		const [, name, type, required] = /^\s*(\w+) (\w+)(!?)$/.exec(column) ?? [];
		if (!name) throw new Error(`Bad frozen field "${column}"`);
		return { name, type: type as FieldType, required: required === '!' };
	});
}

const V1_RECORD_TABLES = V1_KINDS.map(([table, fields]) => recordTablesSql(table, frozenFields(fields))).join(
	''
);

export const RECORD_TABLES: Migration = {
	version: 1,
	name: 'canonical tables, history, import lineage',
	sql: `
CREATE SEQUENCE import_batch_seq START 1;
CREATE TABLE import_batches (
	id INTEGER PRIMARY KEY,
	kind VARCHAR NOT NULL,
	file_name VARCHAR NOT NULL,
	sha256 VARCHAR NOT NULL,
	size_bytes BIGINT NOT NULL,
	file_type VARCHAR NOT NULL,
	encoding VARCHAR NOT NULL,
	delimiter VARCHAR,
	sheet VARCHAR,
	header_line INTEGER NOT NULL,
	mapping JSON NOT NULL,
	profile VARCHAR,
	rows INTEGER NOT NULL,
	accepted INTEGER NOT NULL,
	updated INTEGER NOT NULL,
	duplicates INTEGER NOT NULL,
	rejected INTEGER NOT NULL,
	skipped INTEGER NOT NULL,
	imported_by VARCHAR NOT NULL,
	imported_at TIMESTAMP NOT NULL,
	duration_ms INTEGER NOT NULL
);
CREATE TABLE rejected_rows (
	batch_id INTEGER NOT NULL,
	line INTEGER,
	column_name VARCHAR,
	field VARCHAR,
	reason VARCHAR NOT NULL,
	value VARCHAR,
	errors JSON,
	raw_text VARCHAR
);
CREATE TABLE mapping_profiles (
	name VARCHAR PRIMARY KEY,
	kind VARCHAR NOT NULL,
	mapping JSON NOT NULL,
	updated_at TIMESTAMP NOT NULL
);
${V1_RECORD_TABLES}`
};

export const REPAIR_SEQUENCE: Migration = {
	version: 3,
	name: 'repairs: per-unit sequence (first repair of a unit, next repair of a serial)',
	sql: `
ALTER TABLE repairs ADD COLUMN first_repair_of_unit BOOLEAN DEFAULT false;
ALTER TABLE repairs ADD COLUMN next_repair_at TIMESTAMP;
${REBUILD_REPAIR_SEQUENCE_SQL};
`
};

export const IMPORT_UNDO: Migration = {
	version: 8,
	name: 'import batches: undone (when, by whom)',
	sql: `
ALTER TABLE import_batches ADD COLUMN undone_at TIMESTAMP;
ALTER TABLE import_batches ADD COLUMN undone_by VARCHAR;
`
};

export const DEFECT_CODES: Migration = {
	version: 9,
	name: 'defect code dictionary: zh/en names per code, and where each name came from',
	sql: `
CREATE TABLE defect_codes (
	code VARCHAR PRIMARY KEY,
	name_zh VARCHAR NOT NULL,
	name_en VARCHAR,
	source VARCHAR NOT NULL CHECK (source IN ('manual', 'import', 'learned')),
	updated_at TIMESTAMP NOT NULL,
	updated_by VARCHAR NOT NULL
);
`
};
