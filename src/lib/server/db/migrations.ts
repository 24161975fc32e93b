/**
 * Versioned schema changes, applied in order at start. A released migration is never edited:
 * a change to the schema is a new entry at the end.
 */
import { REBUILD_REPAIR_SEQUENCE_SQL } from './repair-sequence';

export interface Migration {
	version: number;
	name: string;
	sql: string;
}

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
CREATE TABLE repairs (
	repair_id VARCHAR NOT NULL,
	received_at TIMESTAMP NOT NULL,
	product_model VARCHAR NOT NULL,
	category VARCHAR,
	serial_no VARCHAR,
	defect_code VARCHAR,
	defect_category VARCHAR,
	symptom VARCHAR,
	root_cause VARCHAR,
	completed_at TIMESTAMP,
	sold_at DATE,
	region VARCHAR,
	service_center VARCHAR,
	supplier VARCHAR,
	in_warranty BOOLEAN,
	parts_cost DECIMAL(18,2),
	labor_cost DECIMAL(18,2),
	logistics_cost DECIMAL(18,2),
	other_cost DECIMAL(18,2),
	status VARCHAR,
	extra JSON,
	batch_id INTEGER NOT NULL
);
CREATE TABLE repairs_history (
	repair_id VARCHAR,
	received_at TIMESTAMP,
	product_model VARCHAR,
	category VARCHAR,
	serial_no VARCHAR,
	defect_code VARCHAR,
	defect_category VARCHAR,
	symptom VARCHAR,
	root_cause VARCHAR,
	completed_at TIMESTAMP,
	sold_at DATE,
	region VARCHAR,
	service_center VARCHAR,
	supplier VARCHAR,
	in_warranty BOOLEAN,
	parts_cost DECIMAL(18,2),
	labor_cost DECIMAL(18,2),
	logistics_cost DECIMAL(18,2),
	other_cost DECIMAL(18,2),
	status VARCHAR,
	extra JSON,
	batch_id INTEGER,
	superseded_at TIMESTAMP NOT NULL,
	superseded_by_batch INTEGER NOT NULL
);
CREATE TABLE returns (
	return_id VARCHAR NOT NULL,
	requested_at TIMESTAMP NOT NULL,
	product_model VARCHAR NOT NULL,
	order_id VARCHAR,
	return_type VARCHAR,
	reason_code VARCHAR,
	reason VARCHAR,
	quantity INTEGER,
	amount DECIMAL(18,2),
	sold_at DATE,
	counter_done_at TIMESTAMP,
	inspected_at TIMESTAMP,
	closed_at TIMESTAMP,
	channel VARCHAR,
	region VARCHAR,
	store VARCHAR,
	supplier VARCHAR,
	defect_confirmed BOOLEAN,
	extra JSON,
	batch_id INTEGER NOT NULL
);
CREATE TABLE returns_history (
	return_id VARCHAR,
	requested_at TIMESTAMP,
	product_model VARCHAR,
	order_id VARCHAR,
	return_type VARCHAR,
	reason_code VARCHAR,
	reason VARCHAR,
	quantity INTEGER,
	amount DECIMAL(18,2),
	sold_at DATE,
	counter_done_at TIMESTAMP,
	inspected_at TIMESTAMP,
	closed_at TIMESTAMP,
	channel VARCHAR,
	region VARCHAR,
	store VARCHAR,
	supplier VARCHAR,
	defect_confirmed BOOLEAN,
	extra JSON,
	batch_id INTEGER,
	superseded_at TIMESTAMP NOT NULL,
	superseded_by_batch INTEGER NOT NULL
);
CREATE TABLE complaints (
	complaint_id VARCHAR NOT NULL,
	received_at TIMESTAMP NOT NULL,
	channel VARCHAR,
	category VARCHAR,
	severity VARCHAR,
	product_model VARCHAR,
	supplier VARCHAR,
	region VARCHAR,
	store VARCHAR,
	first_response_at TIMESTAMP,
	resolved_at TIMESTAMP,
	status VARCHAR,
	compensation DECIMAL(18,2),
	satisfaction INTEGER,
	description VARCHAR,
	resolution VARCHAR,
	extra JSON,
	batch_id INTEGER NOT NULL
);
CREATE TABLE complaints_history (
	complaint_id VARCHAR,
	received_at TIMESTAMP,
	channel VARCHAR,
	category VARCHAR,
	severity VARCHAR,
	product_model VARCHAR,
	supplier VARCHAR,
	region VARCHAR,
	store VARCHAR,
	first_response_at TIMESTAMP,
	resolved_at TIMESTAMP,
	status VARCHAR,
	compensation DECIMAL(18,2),
	satisfaction INTEGER,
	description VARCHAR,
	resolution VARCHAR,
	extra JSON,
	batch_id INTEGER,
	superseded_at TIMESTAMP NOT NULL,
	superseded_by_batch INTEGER NOT NULL
);
CREATE TABLE surveys (
	response_id VARCHAR NOT NULL,
	responded_at TIMESTAMP NOT NULL,
	csat INTEGER,
	nps INTEGER,
	channel VARCHAR,
	related_id VARCHAR,
	product_model VARCHAR,
	region VARCHAR,
	comment VARCHAR,
	extra JSON,
	batch_id INTEGER NOT NULL
);
CREATE TABLE surveys_history (
	response_id VARCHAR,
	responded_at TIMESTAMP,
	csat INTEGER,
	nps INTEGER,
	channel VARCHAR,
	related_id VARCHAR,
	product_model VARCHAR,
	region VARCHAR,
	comment VARCHAR,
	extra JSON,
	batch_id INTEGER,
	superseded_at TIMESTAMP NOT NULL,
	superseded_by_batch INTEGER NOT NULL
);
CREATE TABLE sales (
	period DATE NOT NULL,
	product_model VARCHAR NOT NULL,
	category VARCHAR,
	region VARCHAR,
	channel VARCHAR,
	units INTEGER NOT NULL,
	revenue DECIMAL(18,2),
	extra JSON,
	batch_id INTEGER NOT NULL
);
CREATE TABLE sales_history (
	period DATE,
	product_model VARCHAR,
	category VARCHAR,
	region VARCHAR,
	channel VARCHAR,
	units INTEGER,
	revenue DECIMAL(18,2),
	extra JSON,
	batch_id INTEGER,
	superseded_at TIMESTAMP NOT NULL,
	superseded_by_batch INTEGER NOT NULL
);
`
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
	}
];
