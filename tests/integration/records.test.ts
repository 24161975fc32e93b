import { join } from 'node:path';
import { DataType, tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIND_DEFS, KINDS, type FieldType } from '../../src/lib/domain/records';
import { importFile } from '../../src/lib/server/ingest';
import { recordsArrow } from '../../src/lib/server/metrics/records';
import { importDemoData } from '../helpers/demo-data';
import { tempDatabase } from '../helpers/temp-db';

const FIXTURES = join(import.meta.dirname, '../fixtures/import');

describe('drill-down records as Arrow', () => {
	let ctx: Awaited<ReturnType<typeof tempDatabase>>;
	beforeAll(async () => {
		ctx = await tempDatabase();
		await importFile(ctx.db, join(FIXTURES, 'repairs-forms.csv'), { kind: 'repair' });
	});
	afterAll(() => ctx.remove());

	it('returns typed columns of the filtered records, newest first', async () => {
		const bytes = await recordsArrow(
			ctx.db,
			'repairs',
			{ filters: { model: ['BCD-450W'] } },
			{ limit: 10, offset: 0 }
		);
		const table = tableFromIPC(bytes);
		expect(table.numRows).toBe(2);
		const rows = table.toArray().map((r) => r.toJSON());
		expect(rows.map((r) => r.repair_id)).toEqual(['R003', 'R004']);
		expect(rows[0].parts_cost).toBe(1);
		expect(new Date(rows[1].received_at as number).toISOString()).toBe('2025-06-03T14:05:00.000Z');
		expect(rows[1].in_warranty).toBe(false);
		expect(table.schema.fields.map((f) => f.name)).toContain('batch_id');
	});

	it('pages, filters by dates and refuses filters the table does not have', async () => {
		const all = tableFromIPC(
			await recordsArrow(ctx.db, 'repairs', { filters: {} }, { limit: 1000, offset: 0 })
		);
		expect(all.numRows).toBe(10);
		const page = tableFromIPC(
			await recordsArrow(ctx.db, 'repairs', { filters: {} }, { limit: 3, offset: 9 })
		);
		expect(page.numRows).toBe(1);
		const none = tableFromIPC(
			await recordsArrow(ctx.db, 'repairs', { from: '2026-01-01', filters: {} }, { limit: 10, offset: 0 })
		);
		expect(none.numRows).toBe(0);
		await expect(
			recordsArrow(ctx.db, 'repairs', { filters: { channel: ['x'] } }, { limit: 1, offset: 0 })
		).rejects.toThrow(/filtered by model/);
		await expect(recordsArrow(ctx.db, 'users', { filters: {} }, { limit: 1, offset: 0 })).rejects.toThrow(
			/Unknown table/
		);
	});
});

/** Each field as the browser should read it: text as is, times and dates as epoch milliseconds. */
const EXPECTED: Record<FieldType, { sql: (c: string) => string; arrow: (t: DataType) => boolean }> = {
	// Dictionary-encoded, unless nearly every value is distinct (IDs, serial numbers): then plain.
	text: { sql: (c) => c, arrow: (t) => DataType.isUtf8(DataType.isDictionary(t) ? t.dictionary : t) },
	return_type: { sql: (c) => c, arrow: DataType.isUtf8 },
	timestamp: { sql: (c) => `epoch_ms(${c})`, arrow: DataType.isTimestamp },
	date: { sql: (c) => `epoch_ms(CAST(${c} AS TIMESTAMP))`, arrow: DataType.isDate },
	month: { sql: (c) => `epoch_ms(CAST(${c} AS TIMESTAMP))`, arrow: DataType.isDate },
	amount: { sql: (c) => `CAST(${c} AS DOUBLE)`, arrow: DataType.isFloat },
	count: { sql: (c) => c, arrow: DataType.isInt },
	score5: { sql: (c) => c, arrow: DataType.isInt },
	score10: { sql: (c) => c, arrow: DataType.isInt },
	bool: { sql: (c) => c, arrow: DataType.isBool }
};

describe('drill-down records of every table of the demo data', () => {
	let ctx: Awaited<ReturnType<typeof tempDatabase>>;
	beforeAll(async () => {
		ctx = await tempDatabase();
		await importDemoData(ctx.db);
	}, 120_000);
	afterAll(() => ctx.remove());

	it.each(KINDS)('sends every %s value, NULLs included, as the table holds it', async (kind) => {
		const def = KIND_DEFS[kind];
		const fields = [
			...def.fields.flatMap((f) => [
				{ name: f.name, ...EXPECTED[f.type] },
				// The dictionary's name of the code rides beside it.
				...(f.name === 'defect_code'
					? [
							{
								name: 'defect_name',
								sql: () => '(SELECT name_zh FROM defect_codes d WHERE d.code = defect_code)',
								arrow: EXPECTED.text.arrow
							}
						]
					: [])
			]),
			{ name: 'extra', sql: () => 'CAST(extra AS VARCHAR)', arrow: DataType.isUtf8 },
			{ name: 'batch_id', ...EXPECTED.count }
		];
		const table = tableFromIPC(
			await recordsArrow(ctx.db, def.table, { filters: {} }, { limit: 200_000, offset: 0 })
		);
		expect(table.schema.fields.map((f) => f.name)).toEqual(fields.map((f) => f.name));
		expect(table.schema.fields.filter((f, i) => !fields[i].arrow(f.type))).toEqual([]);
		const expected = await ctx.db.query(
			`SELECT ${fields.map((f) => `${f.sql(f.name)} AS ${f.name}`).join(', ')} FROM ${def.table}
			 ORDER BY ${def.dateField} DESC, ${def.key.join(', ')}`
		);
		expect(expected.length).toBeGreaterThan(0);
		const rows = table.toArray().map((row) => {
			const plain: Record<string, unknown> = row.toJSON();
			return Object.fromEntries(fields.map((f) => [f.name, plain[f.name] ?? null]));
		});
		expect(rows).toEqual(expected);
	});
});
