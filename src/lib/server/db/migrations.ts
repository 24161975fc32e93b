/**
 * Versioned schema changes, applied in order at start. A released migration is never edited:
 * a change to the schema is a new entry at the end.
 *
 * Over 300 lines: the migrations are a history read top to bottom; splitting it would scatter one
 * ordered list over files.
 */
import type { FieldType } from '$lib/domain/records';
import { REBUILD_REPAIR_SEQUENCE_SQL } from './repair-sequence';
import { recordTablesSql, type SchemaField } from './schema';

export interface Migration {
	version: number;
	name: string;
	sql: string;
}

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

export const MIGRATIONS: Migration[] = [
	{
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
	},
	{
		version: 2,
		name: 'GB/T 27922 assessments, versions, evidence, rectifications, audit log',
		sql: `
CREATE SEQUENCE assessment_seq START 1;
CREATE TABLE assessments (
	id INTEGER PRIMARY KEY,
	name VARCHAR NOT NULL,
	site VARCHAR NOT NULL,
	period_from DATE NOT NULL,
	period_to DATE NOT NULL,
	assessor VARCHAR NOT NULL,
	catalogue_id VARCHAR NOT NULL,
	created_at TIMESTAMP NOT NULL,
	created_by VARCHAR NOT NULL
);
CREATE TABLE assessment_versions (
	assessment_id INTEGER NOT NULL,
	version INTEGER NOT NULL,
	status VARCHAR NOT NULL CHECK (status IN ('draft', 'final')),
	state JSON NOT NULL,
	catalogue JSON NOT NULL,
	catalogue_sha256 VARCHAR NOT NULL,
	based_on INTEGER,
	created_at TIMESTAMP NOT NULL,
	created_by VARCHAR NOT NULL,
	updated_at TIMESTAMP NOT NULL,
	finalised_at TIMESTAMP,
	finalised_by VARCHAR,
	PRIMARY KEY (assessment_id, version)
);
CREATE SEQUENCE evidence_seq START 1;
CREATE TABLE evidence_files (
	id INTEGER PRIMARY KEY,
	assessment_id INTEGER NOT NULL,
	version INTEGER NOT NULL,
	leaf_id VARCHAR NOT NULL,
	file_name VARCHAR NOT NULL,
	sha256 VARCHAR NOT NULL,
	size_bytes BIGINT NOT NULL,
	stored_path VARCHAR NOT NULL,
	uploaded_at TIMESTAMP NOT NULL,
	uploaded_by VARCHAR NOT NULL
);
CREATE SEQUENCE rectification_seq START 1;
CREATE TABLE rectifications (
	id INTEGER PRIMARY KEY,
	assessment_id INTEGER NOT NULL,
	source VARCHAR NOT NULL CHECK (source IN ('leaf', 'deduction')),
	leaf_id VARCHAR,
	deduction_index INTEGER,
	action VARCHAR NOT NULL,
	owner VARCHAR NOT NULL,
	due_date DATE NOT NULL,
	status VARCHAR NOT NULL CHECK (status IN ('open', 'in-progress', 'done')),
	created_at TIMESTAMP NOT NULL,
	updated_at TIMESTAMP NOT NULL,
	CHECK ((source = 'leaf' AND leaf_id IS NOT NULL) OR (source = 'deduction' AND deduction_index IS NOT NULL))
);
CREATE SEQUENCE audit_seq START 1;
CREATE TABLE audit_log (
	id BIGINT PRIMARY KEY,
	"at" TIMESTAMP NOT NULL,
	actor VARCHAR NOT NULL,
	action VARCHAR NOT NULL,
	entity VARCHAR NOT NULL,
	entity_id VARCHAR,
	detail JSON
);
`
	},
	{
		version: 3,
		name: 'repairs: per-unit sequence (first repair of a unit, next repair of a serial)',
		sql: `
ALTER TABLE repairs ADD COLUMN first_repair_of_unit BOOLEAN DEFAULT false;
ALTER TABLE repairs ADD COLUMN next_repair_at TIMESTAMP;
${REBUILD_REPAIR_SEQUENCE_SQL};
`
	},
	{
		version: 4,
		name: 'report snapshots: the stored bytes of every generated report and its figures',
		sql: `
CREATE SEQUENCE report_seq START 1;
CREATE TABLE report_snapshots (
	id VARCHAR PRIMARY KEY,
	kind VARCHAR NOT NULL,
	format VARCHAR NOT NULL,
	lang VARCHAR NOT NULL,
	period VARCHAR NOT NULL,
	filters JSON NOT NULL,
	assessment_id INTEGER,
	file_name VARCHAR NOT NULL,
	sha256 VARCHAR NOT NULL,
	size_bytes BIGINT NOT NULL,
	figures JSON NOT NULL,
	generated_at TIMESTAMP NOT NULL,
	generated_by VARCHAR NOT NULL
);
`
	},
	{
		version: 5,
		name: 'report schedules: monthly reports the server makes and delivers, and each run',
		sql: `
CREATE SEQUENCE report_schedule_seq START 1;
CREATE TABLE report_schedules (
	id INTEGER PRIMARY KEY,
	kind VARCHAR NOT NULL,
	formats JSON NOT NULL,
	lang VARCHAR NOT NULL,
	filters JSON NOT NULL,
	day_of_month INTEGER NOT NULL CHECK (day_of_month BETWEEN 1 AND 31),
	time_of_day VARCHAR NOT NULL,
	enabled BOOLEAN NOT NULL,
	folder VARCHAR,
	recipients JSON NOT NULL,
	active_from TIMESTAMP NOT NULL,
	created_at TIMESTAMP NOT NULL,
	updated_at TIMESTAMP NOT NULL
);
CREATE TABLE report_schedule_runs (
	schedule_id INTEGER NOT NULL,
	due_at TIMESTAMP NOT NULL,
	ran_at TIMESTAMP NOT NULL,
	report_ids JSON NOT NULL,
	outcome VARCHAR NOT NULL CHECK (outcome IN ('running', 'ok', 'failed')),
	error VARCHAR,
	PRIMARY KEY (schedule_id, due_at)
);
`
	},
	{
		version: 6,
		name: 'audit log: where from, and a hash chain over the entries',
		sql: `
ALTER TABLE audit_log ADD COLUMN origin VARCHAR;
ALTER TABLE audit_log ADD COLUMN prev_hash VARCHAR;
ALTER TABLE audit_log ADD COLUMN hash VARCHAR;
`
	},
	{
		version: 7,
		name: 'accounts: users, sessions (hashed ids) and API tokens (hashed)',
		sql: `
CREATE SEQUENCE user_seq START 1;
CREATE TABLE users (
	id INTEGER PRIMARY KEY,
	name VARCHAR NOT NULL UNIQUE,
	role VARCHAR NOT NULL CHECK (role IN ('admin', 'analyst', 'auditor', 'viewer')),
	password_hash VARCHAR NOT NULL,
	scope_regions VARCHAR[] NOT NULL,
	scope_models VARCHAR[] NOT NULL,
	created_at TIMESTAMP NOT NULL,
	disabled_at TIMESTAMP
);
CREATE TABLE sessions (
	id_hash VARCHAR PRIMARY KEY,
	user_id INTEGER NOT NULL,
	created_at TIMESTAMP NOT NULL,
	last_seen_at TIMESTAMP NOT NULL,
	address VARCHAR,
	user_agent VARCHAR
);
CREATE SEQUENCE api_token_seq START 1;
CREATE TABLE api_tokens (
	id INTEGER PRIMARY KEY,
	user_id INTEGER NOT NULL,
	label VARCHAR NOT NULL,
	token_hash VARCHAR NOT NULL UNIQUE,
	prefix VARCHAR NOT NULL,
	created_at TIMESTAMP NOT NULL,
	last_used_at TIMESTAMP,
	revoked_at TIMESTAMP
);
`
	},
	{
		version: 8,
		name: 'import batches: undone (when, by whom)',
		sql: `
ALTER TABLE import_batches ADD COLUMN undone_at TIMESTAMP;
ALTER TABLE import_batches ADD COLUMN undone_by VARCHAR;
`
	},
	{
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
	},
	{
		version: 10,
		name: 'reports and schedules under a scope: the scope each report was made under, the owner of each schedule',
		// A report's scope lists are NULL where it was not limited: every report made before this
		// migration was made company-wide, so its NULLs are true. A schedule runs under its owner's
		// scope as it is at run time (read from users, so narrowing or disabling the owner takes effect);
		// NULL owner: made on the database file (the CLI) or before this migration — company-wide.
		sql: `
ALTER TABLE report_snapshots ADD COLUMN scope_regions VARCHAR[];
ALTER TABLE report_snapshots ADD COLUMN scope_models VARCHAR[];
ALTER TABLE report_schedules ADD COLUMN owner_id INTEGER;
`
	}
];
