import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile, listRejected } from '../../src/lib/server/ingest';
import type { ImportResult } from '../../src/lib/domain/ingest/api';
import type { Kind } from '../../src/lib/domain/records';
import { count, tempDatabase } from '../helpers/temp-db';

/** The demo data set in its messy forms: GBK with title and totals rows, XLSX, UTF-8 BOM, UTF-16 TSV. */
const SAMPLES = join(import.meta.dirname, '../../data/samples');
const manifest: { files: { file: string; kind: Kind }[] } = JSON.parse(
	readFileSync(join(SAMPLES, 'manifest.json'), 'utf8')
);

const expected: Record<string, Partial<ImportResult>> = {
	'sales-2022-2025.xlsx': {
		fileType: 'xlsx',
		encoding: 'xlsx',
		headerLine: 3,
		rows: 4321,
		accepted: 4320,
		skipped: 1
	},
	'repairs-2023-2025.gbk.csv': {
		encoding: 'gb18030',
		delimiter: ',',
		headerLine: 2,
		rows: 20099,
		accepted: 20098,
		skipped: 1
	},
	'returns-2023-2025.csv': { encoding: 'utf-8', delimiter: ';', rows: 3011, accepted: 3011 },
	'complaints-2023-2025.csv': { encoding: 'utf-8-bom', delimiter: ',', rows: 2943, accepted: 2943 },
	'surveys-2023-2025.tsv': { encoding: 'utf-16le', delimiter: '\t', rows: 7939, accepted: 7939 },
	'repairs-bad-rows.csv': { rows: 30, accepted: 20, rejected: 9, skipped: 1 }
};

describe('sample data set', () => {
	let ctx: Awaited<ReturnType<typeof tempDatabase>>;
	const results = new Map<string, ImportResult>();
	beforeAll(async () => {
		ctx = await tempDatabase();
		for (const { file, kind } of manifest.files)
			results.set(file, await importFile(ctx.db, join(SAMPLES, file), { kind }));
	});
	afterAll(() => ctx.remove());

	it('imports every file with the counts it holds', () => {
		for (const [file, want] of Object.entries(expected)) {
			const r = results.get(file);
			expect(r, file).toMatchObject({ updated: 0, duplicates: 0, rejected: 0, ...want });
			expect(r!.accepted + r!.updated + r!.duplicates + r!.rejected + r!.skipped).toBe(r!.rows);
		}
	});

	it('reads XLSX date cells, month strings and cached formula results', async () => {
		const rows = await ctx.db.query(
			`SELECT strftime(period, '%Y-%m') AS month, count(*) AS n, count(revenue) AS with_revenue
			 FROM sales WHERE period IN ('2022-01-01', '2025-06-01') GROUP BY 1 ORDER BY 1`
		);
		expect(rows).toEqual([
			{ month: '2022-01', n: 90, with_revenue: 90 },
			{ month: '2025-06', n: 90, with_revenue: 90 }
		]);
	});

	it('rejects each broken row of the bad-rows file with the documented line and reason', async () => {
		const { rows } = await listRejected(ctx.db, results.get('repairs-bad-rows.csv')!.batchId);
		expect(rows.map((r) => [r.line, r.reason, r.columnName])).toEqual([
			[5, 'required_missing', '维修单号'],
			[8, 'required_missing', '报修时间'],
			[10, 'required_missing', '产品型号'],
			[13, 'invalid_timestamp', '报修时间'],
			[16, 'invalid_date', '购买日期'],
			[20, 'invalid_number', '配件费'],
			[23, 'negative', '工时费'],
			[25, 'end_before_start', '完工时间'],
			[28, 'invalid_bool', '保内']
		]);
	});

	it('imports nothing new the second time', async () => {
		const before = await count(ctx.db, 'SELECT count(*) FROM repairs');
		for (const { file, kind } of manifest.files) {
			const again = await importFile(ctx.db, join(SAMPLES, file), { kind });
			const first = results.get(file)!;
			expect(again, file).toMatchObject({
				accepted: 0,
				updated: 0,
				duplicates: first.rows - first.rejected - first.skipped
			});
		}
		expect(await count(ctx.db, 'SELECT count(*) FROM repairs')).toBe(before);
	});
});
