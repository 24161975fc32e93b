import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest';
import { useTempDatabase } from '../helpers/temp-db';

const ctx = useTempDatabase({ each: true });

/** A ledger export: credit notes (C…) list several products and write returned units as negative. */
const LEDGER = [
	'InvoiceNo,StockCode,Quantity,InvoiceDate,Country',
	'536365,85123A,6,2010-12-01 08:26,United Kingdom',
	'C536379,D,-1,2010-12-01 09:41,United Kingdom',
	'C536383,35004C,-1,2010-12-01 09:49,United Kingdom',
	'C536383,22556,-12,2010-12-01 09:49,United Kingdom',
	'C536391,,-24,2010-12-01 10:24,United Kingdom'
];

/** Imports `lines` as returns with a shipped profile of these rules (WORKBENCH_PROFILES points at it). */
function importWithProfile(lines: string[], rules: Record<string, unknown>) {
	const dir = join(ctx.dir, 'profiles');
	mkdirSync(dir, { recursive: true });
	const profile = {
		name: 'ledger-returns',
		kind: 'return',
		mapping: {
			InvoiceNo: 'return_id',
			InvoiceDate: 'requested_at',
			StockCode: 'product_model',
			Quantity: 'quantity'
		},
		filter: { InvoiceNo: '^C' },
		absolute: ['quantity'],
		...rules
	};
	writeFileSync(join(dir, 'ledger-returns.json'), JSON.stringify(profile));
	process.env.WORKBENCH_PROFILES = dir;
	const file = join(ctx.dir, 'ledger.csv');
	writeFileSync(file, lines.join('\n'));
	return importFile(ctx.db, file, { kind: 'return', profile: 'ledger-returns' });
}

afterEach(() => {
	delete process.env.WORKBENCH_PROFILES;
});

describe('shipped profile rules', () => {
	it('keys a record by several columns joined, so each line of a credit note is a return of its own', async () => {
		const result = await importWithProfile(LEDGER, { combine: { return_id: ['InvoiceNo', 'StockCode'] } });
		// The line without a stock code has no product model, which a return needs: rejected.
		expect(result).toMatchObject({ rows: 5, accepted: 3, updated: 0, rejected: 1, skipped: 1 });
		expect(
			await ctx.db.query('SELECT return_id, product_model, quantity FROM returns ORDER BY return_id')
		).toEqual([
			{ return_id: 'C536379/D', product_model: 'D', quantity: 1 },
			{ return_id: 'C536383/22556', product_model: '22556', quantity: 12 },
			{ return_id: 'C536383/35004C', product_model: '35004C', quantity: 1 }
		]);
	});

	it('without the stock code in the key, a credit note’s second line updates its first', async () => {
		const result = await importWithProfile(LEDGER, {});
		expect(result).toMatchObject({ rows: 5, accepted: 2, updated: 1, rejected: 1, skipped: 1 });
	});

	it('refuses a combined field naming a column the file lacks, writing nothing', async () => {
		await expect(
			importWithProfile(LEDGER, { combine: { return_id: ['InvoiceNo', 'LineNo'] } })
		).rejects.toThrow(/"LineNo"/);
		expect(await ctx.db.query('SELECT count(*)::INT AS n FROM returns')).toEqual([{ n: 0 }]);
		expect(await ctx.db.query('SELECT count(*)::INT AS n FROM import_batches')).toEqual([{ n: 0 }]);
	});
});
