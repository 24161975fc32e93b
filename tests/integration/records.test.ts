import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest';
import { recordsArrow } from '../../src/lib/server/metrics/records';
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
