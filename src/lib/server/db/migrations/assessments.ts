import type { Migration } from './index';

/** GB/T 27922 assessments with their evidence and rectifications, and the audit log with its hash chain. */

export const ASSESSMENTS: Migration = {
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
};

export const AUDIT_CHAIN: Migration = {
	version: 6,
	name: 'audit log: where from, and a hash chain over the entries',
	sql: `
ALTER TABLE audit_log ADD COLUMN origin VARCHAR;
ALTER TABLE audit_log ADD COLUMN prev_hash VARCHAR;
ALTER TABLE audit_log ADD COLUMN hash VARCHAR;
`
};
