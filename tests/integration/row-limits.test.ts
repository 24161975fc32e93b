/* Row-level limits of the importer: dates outside 1950-01-01 … import date + 1 year, date words
   DuckDB would read as dates, amounts of 1e12 or more. Each is rejected row by row, the good rows
   of the same file are kept, and afterwards every metric of the registry answers. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Kind } from '../../src/lib/domain/records';
import type { Database } from '../../src/lib/server/db/connection';
import { importFile, listRejected } from '../../src/lib/server/ingest';
import { acceptedDays } from '../../src/lib/server/ingest/value-sql';
import { metricInfos, runMetric } from '../../src/lib/server/metrics/registry';
import { importDemoData } from '../helpers/demo-data';
import { count, tempDatabase } from '../helpers/temp-db';

const BAD = join(import.meta.dirname, '../fixtures/bad');
const HEADER = '维修单号,报修时间,完工时间,产品型号,购买日期,配件费,工时费,物流费,其他费用,保内';

interface Expect {
	kind: Kind;
	outcome: 'rejected';
	accepted: number;
	rejected: number;
	reasons: string[];
}

let ctx: Awaited<ReturnType<typeof tempDatabase>>;
let db: Database;
beforeEach(async () => {
	ctx = await tempDatabase();
	db = ctx.db;
});
afterEach(() => ctx.remove());

/** Runs every metric of the registry on all data; returns the row count of each. */
async function everyMetricAnswers(): Promise<Record<string, number>> {
	const rows: Record<string, number> = {};
	for (const { id } of await metricInfos()) rows[id] = (await runMetric(db, id, { filters: {} })).rows.length;
	return rows;
}

const isoDay = (d: Date) =>
	`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

describe('accepted days', () => {
	it('run from 1950-01-01 to the same day a year after the import', () => {
		expect(acceptedDays(new Date(2025, 5, 15, 23, 59))).toEqual({ first: '1950-01-01', last: '2026-06-15' });
		expect(acceptedDays(new Date(2028, 1, 29))).toEqual({ first: '1950-01-01', last: '2029-03-01' });
	});
});

describe('bad rows in tests/fixtures/bad/row-*', () => {
	const files = readdirSync(BAD).filter((f) => f.startsWith('row-') && !f.endsWith('.expect.json'));
	it('has a sidecar for each file', () => {
		expect(files.length).toBeGreaterThanOrEqual(10);
	});
	for (const file of files) {
		it(`${file}: rejects the bad rows by name, keeps the good ones, every metric answers`, async () => {
			const expected: Expect = JSON.parse(
				readFileSync(join(BAD, file.replace(/\.[a-z]+$/, '.expect.json')), 'utf8')
			);
			const result = await importFile(db, join(BAD, file), { kind: expected.kind });
			expect(result).toMatchObject({ accepted: expected.accepted, rejected: expected.rejected });
			const { rows } = await listRejected(db, result.batchId);
			expect([...new Set(rows.map((r) => r.reason))].sort()).toEqual(expected.reasons);
			for (const row of rows) {
				expect(row.line).toBeGreaterThan(1);
				expect(row.columnName).toBeTruthy();
				expect(row.value).toBeTruthy();
			}
			if (expected.kind === 'repair') {
				const ids = await db.query('SELECT repair_id FROM repairs ORDER BY 1');
				expect(ids.map((r) => r.repair_id)).toEqual(['OK1', 'OK2']);
			}
			await everyMetricAnswers();
		});
	}
});

describe('one file with every out-of-range value', () => {
	it('names file, line and column of each, keeps the rest, and every metric answers', async () => {
		await importDemoData(db);
		const now = new Date();
		const yearAhead = new Date(now.getFullYear() + 1, now.getMonth(), now.getDate());
		const dayAfter = new Date(now.getFullYear() + 1, now.getMonth(), now.getDate() + 1);
		const lines = [
			HEADER,
			'OK1,2025-06-01 09:00,2025-06-02 10:00,KFR-35GW,1950-01-01,999999999999.99,80,0,0,是',
			`OK2,${isoDay(yearAhead)} 23:59,,KFR-35GW,2024-05-01,-0,80,0,0,是`,
			'BAD1,9999-12-31,,KFR-35GW,2024-05-01,0,80,0,0,是',
			'BAD2,2025-06-01 09:00,,KFR-35GW,1949-12-31,0,80,0,0,是',
			`BAD3,${isoDay(dayAfter)} 00:00,,KFR-35GW,2024-05-01,0,80,0,0,是`,
			'BAD4,Infinity,,KFR-35GW,2024-05-01,0,80,0,0,是',
			'BAD5,-infinity,,KFR-35GW,2024-05-01,0,80,0,0,是',
			'BAD6,epoch,,KFR-35GW,2024-05-01,0,80,0,0,是',
			'BAD7,2025-06-01 09:00,,KFR-35GW,2024-05-01,1e12,80,0,0,是',
			'BAD8,2025-06-01 09:00,,KFR-35GW,2024-05-01,120,80,9999999999999999.99,0,是'
		];
		const path = join(ctx.dir, '维修工单-越界.csv');
		writeFileSync(path, lines.join('\r\n'));
		const before = await count(db, 'SELECT count(*) FROM repairs');
		const result = await importFile(db, path, { kind: 'repair' });
		expect(result).toMatchObject({ file: '维修工单-越界.csv', rows: 10, accepted: 2, rejected: 8 });
		const { rows } = await listRejected(db, result.batchId);
		expect(rows.map((r) => [r.line, r.columnName, r.reason, r.value])).toEqual([
			[4, '报修时间', 'out_of_range', '9999-12-31'],
			[5, '购买日期', 'out_of_range', '1949-12-31'],
			[6, '报修时间', 'out_of_range', `${isoDay(dayAfter)} 00:00`],
			[7, '报修时间', 'invalid_timestamp', 'Infinity'],
			[8, '报修时间', 'invalid_timestamp', '-infinity'],
			[9, '报修时间', 'invalid_timestamp', 'epoch'],
			[10, '配件费', 'out_of_range', '1e12'],
			[11, '物流费', 'out_of_range', '9999999999999999.99']
		]);
		expect(await count(db, 'SELECT count(*) FROM repairs')).toBe(before + 2);
		expect(await count(db, "SELECT count(*) FROM repairs WHERE repair_id LIKE 'BAD%'")).toBe(0);
		const answered = await everyMetricAnswers();
		expect(answered['defects.mis']).toBeLessThan(2000);
	});
});

describe('sums of amounts just below the limit', () => {
	it('never overflow: 5,000 repairs with four costs of 999,999,999,999.99 each', async () => {
		const n = 5000;
		const max = '999999999999.99';
		const lines = [HEADER];
		for (let i = 0; i < n; i++) {
			const day = String((i % 28) + 1).padStart(2, '0');
			lines.push(
				`R${i},2025-0${(i % 6) + 1}-${day} 09:00,,KFR-35GW,2024-05-01,${max},${max},${max},${max},是`
			);
		}
		const path = join(ctx.dir, 'max-costs.csv');
		writeFileSync(path, lines.join('\n'));
		await importDemoData(db);
		expect(await importFile(db, path, { kind: 'repair' })).toMatchObject({ accepted: n, rejected: 0 });
		await everyMetricAnswers();
		// Four costs × 5,000 rows = 2e16, past DECIMAL(18,2): the sums must be wider.
		const total = (await runMetric(db, 'cost.drivers', { filters: { model: ['KFR-35GW'] } })).rows.reduce(
			(sum, r) => sum + Number(r.total),
			0
		);
		expect(total / (4 * n * 999999999999.99)).toBeCloseTo(1, 6);
	});
});

describe('an extreme amount already in the database (imported before these limits)', () => {
	it('still adds up: the four cost parts are summed column by column, not row by row', async () => {
		await importDemoData(db);
		await db.write(async (conn) => {
			await conn.run(
				`UPDATE repairs SET parts_cost = 9999999999999999.99, labor_cost = 1
				 WHERE repair_id = (SELECT min(repair_id) FROM repairs)`
			);
		});
		await everyMetricAnswers();
		const rows = (await runMetric(db, 'cost.monthly', { filters: {} })).rows;
		expect(Math.max(...rows.map((r) => Number(r.total)))).toBeGreaterThan(1e16);
	});
});

describe('an extreme date already in the database (imported before these limits)', () => {
	it('adds one month to the grids instead of exhausting memory', async () => {
		await importDemoData(db);
		const normal = await everyMetricAnswers();
		await db.write(async (conn) => {
			await conn.run(
				`UPDATE repairs SET received_at = TIMESTAMP '9999-12-31 00:00:00' WHERE repair_id = (SELECT min(repair_id) FROM repairs)`
			);
			await conn.run(
				`UPDATE repairs SET received_at = TIMESTAMP '1900-01-01 00:00:00', sold_at = DATE '1900-01-01'
				 WHERE repair_id = (SELECT max(repair_id) FROM repairs)`
			);
		});
		const extreme = await everyMetricAnswers();
		expect(extreme['defects.monthly']).toBe(normal['defects.monthly'] + 2);
		// One more cohort (1900) and two more months (1900-01, 9999-12) per cohort.
		expect(extreme['defects.mis']).toBeLessThan(normal['defects.mis'] * 2);
	});
});
