import type { Migration } from './index';

/** Report snapshots, report schedules with their runs, and the scope each is made under. */

export const REPORT_SNAPSHOTS: Migration = {
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
};

export const REPORT_SCHEDULES: Migration = {
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
};

export const REPORT_SCOPE: Migration = {
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
};
