/**
 * The bad-file corpus: every file in tests/fixtures/bad with a NAME.expect.json sidecar, and the
 * large ones tests/helpers/bad-files.ts makes at test time, imported one after another into one
 * database holding the demo data. A refused file must say why in words (no engine text, control
 * character or server path) and leave every table exactly as it was; a rejected or accepted one
 * must account for every record. After all of them, every registry metric must still answer.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neutraliseCell } from '../../src/lib/domain/csv-safe';
import { KIND_DEFS } from '../../src/lib/domain/records';
import type { Database } from '../../src/lib/server/db/connection';
import { ImportError, importFile, listRejected, previewFile } from '../../src/lib/server/ingest';
import { metricInfos, runMetric } from '../../src/lib/server/metrics/registry';
import { GENERATED_BAD_FILES, type BadFileExpectation } from '../helpers/bad-files';
import { importDemoData } from '../helpers/demo-data';
import { tempDatabase } from '../helpers/temp-db';

const BAD = join(import.meta.dirname, '../fixtures/bad');
const SIDECAR = '.expect.json';

const committed = readdirSync(BAD).filter((name) => !name.endsWith(SIDECAR));

/** `NAME.csv.expect.json` or `NAME.expect.json` (the row-level files use the second form). */
function sidecar(name: string): string | undefined {
	return [name, name.replace(/\.[^.]+$/, '')]
		.map((stem) => join(BAD, stem + SIDECAR))
		.find((path) => existsSync(path));
}

let ctx: Awaited<ReturnType<typeof tempDatabase>>;
let db: Database;
beforeAll(async () => {
	ctx = await tempDatabase();
	db = ctx.db;
	await importDemoData(db);
}, 300_000);
afterAll(() => ctx.remove());

/** Row count and an order-independent hash of every row, per table. */
async function snapshot(): Promise<Record<string, string>> {
	const tables = await db.query(
		`SELECT table_name FROM information_schema.tables
		 WHERE table_catalog = current_database() AND table_schema = 'main' AND table_type = 'BASE TABLE' ORDER BY table_name`
	);
	const result: Record<string, string> = {};
	for (const { table_name } of tables) {
		const [row] = await db.query(
			`SELECT count(*) AS n, CAST(coalesce(bit_xor(hash(t::VARCHAR)), 0) AS VARCHAR) AS h FROM "${String(table_name)}" t`
		);
		result[String(table_name)] = `${row.n}:${row.h}`;
	}
	return result;
}

function assertClean(text: string): void {
	// eslint-disable-next-line no-control-regex
	expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
	for (const dir of [ctx.dir, tmpdir(), BAD, process.cwd()]) expect(text).not.toContain(dir);
	expect(text).not.toMatch(/Error:|duckdb|Invalid Input|Out of Memory/i);
}

async function check(path: string, expected: BadFileExpectation): Promise<void> {
	const before = await snapshot();
	if (expected.outcome === 'refused') {
		const error = await importFile(db, path, { kind: expected.kind }).then(
			() => null,
			(e: unknown) => e
		);
		expect(error).toBeInstanceOf(ImportError);
		const refusal = error as ImportError;
		expect(refusal.in('en')).toContain(expected.message);
		expect(refusal.in('zh-CN')).not.toBe(refusal.in('en'));
		for (const text of [refusal.message, refusal.in('zh-CN'), JSON.stringify(refusal.details)])
			assertClean(text);
		expect(await snapshot()).toEqual(before);
		return;
	}
	const result = await importFile(db, path, { kind: expected.kind });
	// files share one database, so a row another file stored already counts as updated or duplicate
	expect(result.accepted + result.updated + result.duplicates).toBe(expected.accepted);
	expect(result.rejected).toBe(expected.rejected ?? 0);
	// every record is accounted for
	expect(result.rows).toBe(
		result.accepted + result.updated + result.duplicates + result.rejected + result.skipped
	);
	if (expected.encoding) expect(result.encoding).toBe(expected.encoding);
	const { rows } = await listRejected(db, result.batchId, 10_000);
	expect(rows).toHaveLength(result.rejected);
	expect([...new Set(rows.map((r) => r.reason))].sort()).toEqual([...(expected.reasons ?? [])].sort());
	for (const row of rows) {
		if (row.line !== null) expect(row.line).toBeGreaterThan(1);
	}
	const def = KIND_DEFS[expected.kind];
	for (const { key, field, value } of expected.stored ?? []) {
		const found = await db.query(`SELECT "${field}" AS v FROM "${def.table}" WHERE "${def.key[0]}" = $1`, [
			key
		]);
		expect(found.map((r) => r.v)).toEqual([value]);
		// a formula-looking value is stored as text and neutralised in every CSV export
		expect(String(neutraliseCell(value))).not.toMatch(/^[=+\-@]/);
	}
}

describe('bad-file corpus', () => {
	it('has at least 40 files, each with a sidecar', () => {
		expect(committed.length + GENERATED_BAD_FILES.length).toBeGreaterThanOrEqual(40);
		for (const name of committed) expect(sidecar(name), name).toBeDefined();
	});

	for (const name of committed) {
		it(`${name}`, async () => {
			const expected = JSON.parse(readFileSync(sidecar(name) ?? '', 'utf8')) as BadFileExpectation;
			await check(join(BAD, name), expected);
		}, 120_000);
	}

	for (const file of GENERATED_BAD_FILES) {
		it(`${file.name} (generated)`, async () => {
			const path = join(ctx.dir, file.name);
			await file.write(path);
			await check(path, file.expect);
		}, 120_000);
	}

	it('names the uploaded file, not the stored upload, when a preview refuses it', async () => {
		for (const name of ['png-renamed.csv', 'xlsx-empty-sheet.xlsx']) {
			await expect(previewFile(join(BAD, name), { kind: 'repair', fileName: '工单.csv' })).rejects.toThrow(
				/^工单\.csv: /
			);
		}
	});

	it('leaves every registry metric answering after the accepted rows', async () => {
		for (const info of await metricInfos()) {
			const result = await runMetric(db, info.id, { filters: {} });
			expect(Array.isArray(result.rows), info.id).toBe(true);
		}
	}, 300_000);
});
