import type { Migration } from './index';

/** Users, sessions and API tokens. */

export const ACCOUNTS: Migration = {
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
};
