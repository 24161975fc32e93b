import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIND_DEFS, KINDS } from '../../src/lib/domain/records';
import { Database } from '../../src/lib/server/db/connection';
import { kindTablesSql } from '../../src/lib/server/db/schema';

const RELEASED_MIGRATION_1 = join(import.meta.dirname, '../fixtures/schema/migration-1-released.sql');

/** The columns and constraints of a catalog's tables (or only of `tables`), in a stable order. */
async function describeTables(db: Database, catalog: string, tables?: string[]) {
	const only = tables ? `AND table_name IN (${tables.map((t) => `'${t}'`).join(', ')})` : '';
	return {
		columns: await db.query(
			`SELECT table_name, ordinal_position, column_name, data_type, is_nullable, column_default
			 FROM information_schema.columns WHERE table_catalog = $1 ${only} ORDER BY table_name, ordinal_position`,
			[catalog]
		),
		constraints: await db.query(
			`SELECT table_name, constraint_type, constraint_text, expression
			 FROM duckdb_constraints() WHERE database_name = $1 ${only} ORDER BY ALL`,
			[catalog]
		)
	};
}

function describeSequences(db: Database, catalog: string) {
	return db.query(
		`SELECT sequence_name, start_value, increment_by, min_value, max_value, cycle
		 FROM duckdb_sequences() WHERE database_name = $1 ORDER BY sequence_name`,
		[catalog]
	);
}

async function currentCatalog(db: Database): Promise<string> {
	const [{ name }] = await db.query('SELECT current_database() AS name');
	return String(name);
}

describe('database schema', () => {
	let dir: string;
	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'workbench-schema-'));
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('stores each record kind in the tables its definition says', async () => {
		const db = await Database.open(':memory:');
		try {
			const migrated = await currentCatalog(db);
			// The tables generated from today's kinds, in an empty catalog of their own.
			await db.session(async (conn) => {
				await conn.run(`ATTACH ':memory:' AS kinds; USE kinds`);
				for (const kind of KINDS) await conn.run(kindTablesSql(KIND_DEFS[kind]));
				await conn.run(`USE ${migrated}`);
			});
			const tables = KINDS.flatMap((kind) => [KIND_DEFS[kind].table, `${KIND_DEFS[kind].table}_history`]);
			const expected = await describeTables(db, 'kinds');
			expect(expected.columns.length).toBeGreaterThan(tables.length);
			expect(await describeTables(db, migrated, tables)).toEqual(expected);
		} finally {
			db.close();
		}
	});

	it('migrates a database created by the first migration to the schema of a new one', async () => {
		const path = join(dir, 'released.duckdb');
		const maker = await Database.open(':memory:');
		await maker.session(async (conn) => {
			await conn.run(`ATTACH '${path}' AS released; USE released`);
			await conn.run(
				'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)'
			);
			await conn.run(readFileSync(RELEASED_MIGRATION_1, 'utf8'));
			await conn.run(
				`INSERT INTO schema_migrations VALUES (1, 'canonical tables, history, import lineage', current_localtimestamp())`
			);
			await conn.run(`USE ${await currentCatalog(maker)}; DETACH released`);
		});
		maker.close();

		const released = await Database.open(path);
		const fresh = await Database.open(join(dir, 'fresh.duckdb'));
		try {
			const upgraded = await describeTables(released, 'released');
			expect(upgraded.columns.length).toBeGreaterThan(0);
			expect(upgraded).toEqual(await describeTables(fresh, 'fresh'));
			expect(await describeSequences(released, 'released')).toEqual(await describeSequences(fresh, 'fresh'));
			expect(await released.query('SELECT version FROM schema_migrations ORDER BY version')).toEqual(
				await fresh.query('SELECT version FROM schema_migrations ORDER BY version')
			);
		} finally {
			released.close();
			fresh.close();
		}
	});
});
