/* Over 300 lines: every CSV rule of the importer (encodings, delimiters, title and totals rows, value forms,
   rejections, idempotency, history), each with the small file that shows it. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { importFile, listRejected } from '../../src/lib/server/ingest';
import { count, useTempDatabase } from '../helpers/temp-db';

const FIXTURES = join(import.meta.dirname, '../fixtures/import');
const formsText = readFileSync(join(FIXTURES, 'repairs-forms.csv'), 'utf8');
/** GBK has no half-width yen sign; Chinese exports write the full-width ￥. */
const gbkText = formsText.replace(/¥/g, '￥');

const ctx = useTempDatabase({ each: true });

function write(name: string, data: string | Buffer): string {
	const path = join(ctx.dir, name);
	writeFileSync(path, data);
	return path;
}

/** Writes the lines as a CSV file and imports it as repairs. */
function importRepairLines(name: string, lines: string[]) {
	return importFile(ctx.db, write(name, lines.join('\n')), { kind: 'repair' });
}

async function repair(id: string) {
	const rows = await ctx.db.query(
		`SELECT repair_id, CAST(received_at AS VARCHAR) AS received_at, CAST(completed_at AS VARCHAR) AS completed_at,
			product_model, CAST(sold_at AS VARCHAR) AS sold_at, parts_cost, labor_cost, in_warranty, service_center,
			CAST(extra AS VARCHAR) AS extra
		 FROM repairs WHERE repair_id = $1`,
		[id]
	);
	return rows[0];
}

describe('CSV import: encodings and delimiters', () => {
	const encodings: [string, () => Buffer, string][] = [
		['utf-8', () => Buffer.from(formsText, 'utf8'), 'utf-8'],
		[
			'utf-8 with BOM',
			() => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(formsText, 'utf8')]),
			'utf-8-bom'
		],
		['GBK', () => iconv.encode(gbkText, 'gbk'), 'gb18030'],
		['UTF-16LE with BOM', () => iconv.encode(formsText, 'utf-16le', { addBOM: true }), 'utf-16le'],
		['UTF-16BE with BOM', () => iconv.encode(formsText, 'utf-16be', { addBOM: true }), 'utf-16be']
	];
	for (const [label, bytes, encoding] of encodings) {
		it(`reads ${label}, skips the title and totals rows and parses every value form`, async () => {
			const result = await importFile(ctx.db, write('repairs.csv', bytes()), { kind: 'repair' });
			expect(result).toMatchObject({
				encoding,
				delimiter: ',',
				headerLine: 2,
				rows: 11,
				accepted: 10,
				updated: 0,
				duplicates: 0,
				rejected: 0,
				skipped: 1
			});
			expect(await repair('R003')).toMatchObject({
				service_center: '北京"朝阳"',
				parts_cost: 1,
				in_warranty: true
			});
		});
	}

	for (const [label, delimiter] of [
		['tab', '\t'],
		['semicolon', ';']
	]) {
		it(`detects the ${label} delimiter`, async () => {
			const text =
				'complaint_id|received_at|description\nC1|2025-01-02 03:04|"a, b; c\td"\nC2|2025-01-03|x\n'.replace(
					/\|/g,
					delimiter
				);
			const result = await importFile(ctx.db, write('c.csv', text), { kind: 'complaint' });
			expect(result).toMatchObject({ delimiter, rows: 2, accepted: 2 });
			const [row] = await ctx.db.query("SELECT description FROM complaints WHERE complaint_id = 'C1'");
			expect(row.description).toBe('a, b; c\td');
		});
	}

	it('reads a quoted record of several MiB with line breaks, beyond DuckDB’s default 2 MiB limit', async () => {
		const long = `${'故障描述，'.repeat(200_000)}\n第二行 "引号"`; // ~3 MiB
		const result = await importRepairLines('long.csv', [
			'维修单号,报修时间,产品型号,故障现象',
			'L1,2025-06-03,M,short',
			`L2,2025-06-03,M,"${long.replace(/"/g, '""')}"`,
			'L3,2025-06-04,M,short'
		]);
		expect(result).toMatchObject({ rows: 3, accepted: 3, rejected: 0 });
		const [row] = await ctx.db.query("SELECT symptom FROM repairs WHERE repair_id = 'L2'");
		expect(row.symptom).toBe(long);
	});

	it('honours a forced encoding', async () => {
		const path = write('gbk.csv', iconv.encode(gbkText, 'gbk'));
		const result = await importFile(ctx.db, path, { kind: 'repair', encoding: 'gbk' });
		expect(result.encoding).toBe('gb18030');
		expect(result.accepted).toBe(10);
	});
});

describe('CSV import: value forms', () => {
	it('parses dates, amounts, booleans and nulls of every accepted form', async () => {
		await importFile(ctx.db, join(FIXTURES, 'repairs-forms.csv'), { kind: 'repair' });
		const expected: Record<string, Record<string, unknown>> = {
			R001: {
				received_at: '2025-06-03 00:00:00',
				completed_at: '2025-06-04 10:00:00',
				sold_at: '2024-05-01',
				parts_cost: 1234.5,
				in_warranty: true
			},
			R002: {
				received_at: '2025-06-03 14:05:00',
				completed_at: '2025-06-05 09:30:00',
				sold_at: '2024-05-01',
				parts_cost: 1234.5,
				in_warranty: false
			},
			R003: { received_at: '2025-06-03 14:05:00', sold_at: '2024-05-01', parts_cost: 1, in_warranty: true },
			R004: {
				received_at: '2025-06-03 14:05:00',
				completed_at: '2025-06-04 08:00:00',
				sold_at: '2024-05-01',
				parts_cost: 1234.5,
				labor_cost: null,
				in_warranty: false
			},
			R005: {
				received_at: '2025-06-03 00:00:00',
				sold_at: '2024-05-01',
				parts_cost: 1234,
				labor_cost: null,
				in_warranty: true
			},
			R006: { received_at: '2025-06-03 00:00:00', sold_at: null, parts_cost: 1234, in_warranty: false },
			R007: { received_at: '2025-06-03 14:05:00', parts_cost: 0, in_warranty: true },
			R008: { received_at: '2025-06-03 00:00:00', parts_cost: null, in_warranty: false },
			R009: { received_at: '2025-06-03 12:00:00', in_warranty: true },
			R010: { in_warranty: false }
		};
		for (const [id, values] of Object.entries(expected)) expect(await repair(id)).toMatchObject(values);
		expect(JSON.parse(String((await repair('R004')).extra))).toEqual({ 备注: 'multi\nline' });
	});

	it('trims ASCII, no-break and ideographic spaces; rows of spaces are blank, spaced totals skipped', async () => {
		const result = await importRepairLines('spaced.csv', [
			'维修单号,报修时间,产品型号,配件费,保内',
			' S001 ,2025-06-03 14:05\u00a0,\u3000KFR-35GW,\t12.5,是',
			'S002,\u30002025/6/3,BCD-450W,\u00a0-\u00a0, 否 ',
			'S003,2025-06-03 14:05:09,XQG100,\u3000,Y',
			' , \u3000,\u00a0,\t,',
			' 合计： ,,,12.5,'
		]);
		expect(result).toMatchObject({ rows: 4, accepted: 3, skipped: 1, rejected: 0 });
		expect(await repair('S001')).toMatchObject({
			received_at: '2025-06-03 14:05:00',
			product_model: 'KFR-35GW',
			parts_cost: 12.5,
			in_warranty: true
		});
		expect(await repair('S002')).toMatchObject({
			received_at: '2025-06-03 00:00:00',
			parts_cost: null,
			in_warranty: false
		});
		expect(await repair('S003')).toMatchObject({ received_at: '2025-06-03 14:05:09', parts_cost: null });
	});

	it('parses spaced dates as the trimmed ones, and never takes a spaced null token or garbage for a value', async () => {
		const result = await importRepairLines('spaced-values.csv', [
			'维修单号,报修时间,完工时间,购买日期,产品型号,配件费',
			'P1, 2025-06-03 14:05:00 ,\t2025-06-04 09:00\t,2024-01-02\u00a0,M,1',
			'P2,\u30002025-06-03\u3000,2025/6/5 10:00 ,\u00a045000\u00a0,M, - ',
			'P3,2025-06-03 14:05:00, - ,\u3000N/A\u3000,M,\u00a0—\u00a0',
			'P4,2025-06-03 14:05:00,\u3000--\u3000, 20240102 ,M,',
			'P5, 2025-06-03 24:00:00 ,,,M,',
			'P6,2025-06-31,,,M,',
			'P7,2025-06-03 14:05:00, 2025-06-02 08:00 ,,M,',
			'P8,2025-06-03,,,M, nan ',
			'P9,2025-06-03,,,M,inf',
			'P10,2025-06-03,,,M,1e30',
			'P11,\u3000x2025-06-03 ,,,M,',
			'P12,-025-06-03,,,M,',
			'P13, -25-06-03,,,M,',
			'P14,\t2025-06-03 14:05:0Z,,,M,',
			'P15,2025-06-1T 14:05:00,,,M,'
		]);
		expect(result).toMatchObject({ rows: 15, accepted: 4, rejected: 11 });
		expect(await repair('P1')).toMatchObject({
			received_at: '2025-06-03 14:05:00',
			completed_at: '2025-06-04 09:00:00',
			sold_at: '2024-01-02',
			parts_cost: 1
		});
		expect(await repair('P2')).toMatchObject({
			received_at: '2025-06-03 00:00:00',
			completed_at: '2025-06-05 10:00:00',
			sold_at: '2023-03-15',
			parts_cost: null
		});
		expect(await repair('P3')).toMatchObject({ completed_at: null, sold_at: null, parts_cost: null });
		expect(await repair('P4')).toMatchObject({ completed_at: null, sold_at: '2024-01-02' });
		const rejected = (await listRejected(ctx.db, result.batchId)).rows.map((r) => [
			r.line,
			r.field,
			r.reason,
			r.value
		]);
		expect(rejected).toEqual([
			[6, 'received_at', 'invalid_timestamp', '2025-06-03 24:00:00'],
			[7, 'received_at', 'invalid_timestamp', '2025-06-31'],
			[8, 'completed_at', 'end_before_start', '2025-06-02 08:00'],
			[9, 'parts_cost', 'invalid_number', 'nan'],
			[10, 'parts_cost', 'invalid_number', 'inf'],
			[11, 'parts_cost', 'invalid_number', '1e30'],
			[12, 'received_at', 'invalid_timestamp', 'x2025-06-03'],
			[13, 'received_at', 'invalid_timestamp', '-025-06-03'],
			[14, 'received_at', 'invalid_timestamp', '-25-06-03'],
			[15, 'received_at', 'invalid_timestamp', '2025-06-03 14:05:0Z'],
			[16, 'received_at', 'invalid_timestamp', '2025-06-1T 14:05:00']
		]);
	});

	it('skips totals rows in any case, spacing and column, and keeps data that only looks like one', async () => {
		const result = await importRepairLines('totals.csv', [
			'维修单号,报修时间,产品型号,配件费',
			'Total-1,2025-06-03,M,1',
			'S1,2025-06-03,M,1',
			'Sum,2025-06-03,Summary,1',
			'合计,,,3',
			' 小计： ,,,3',
			'TOTALS:,,,3',
			'Grand Total,,,3',
			'subtotal,,,3',
			',总计,,3',
			',,Total,3',
			'\u3000总 计\u3000,,,3'
		]);
		expect(result).toMatchObject({ rows: 11, accepted: 2, skipped: 9, rejected: 0 });
		const ids = (await ctx.db.query('SELECT repair_id FROM repairs ORDER BY repair_id')).map(
			(r) => r.repair_id
		);
		expect(ids).toEqual(['S1', 'Total-1']);
	});

	it('parses sales months and return types', async () => {
		const sales =
			'月份,产品型号,大区,渠道,销量,销售额\n2025-06,M1,华东,线上,10,¥1000\n2025/7,M1,华东,线上,11,\n2025年8月,M1,华东,线上,12,\n202509,M1,华东,线上,13,\n2025-10-15,M1,华东,线上,14,\n';
		const r = await importFile(ctx.db, write('s.csv', sales), { kind: 'sales' });
		expect(r).toMatchObject({ rows: 5, accepted: 5 });
		const periods = (
			await ctx.db.query('SELECT CAST(period AS VARCHAR) AS p FROM sales ORDER BY period')
		).map((x) => x.p);
		expect(periods).toEqual(['2025-06-01', '2025-07-01', '2025-08-01', '2025-09-01', '2025-10-01']);
		const returns =
			'退货单号,申请时间,产品型号,类型\nT1,2025-06-01,M1,退货\nT2,2025-06-01,M1,换货\nT3,2025-06-01,M1,退款\nT4,2025-06-01,M1,exchange\nT5,2025-06-01,M1,gift\n';
		const rr = await importFile(ctx.db, write('r.csv', returns), { kind: 'return' });
		expect(rr).toMatchObject({ rows: 5, accepted: 4, rejected: 1 });
		const types = (await ctx.db.query('SELECT return_type FROM returns ORDER BY return_id')).map(
			(x) => x.return_type
		);
		expect(types).toEqual(['return', 'exchange', 'refund', 'exchange']);
	});
});

describe('CSV import: rejections', () => {
	it('keeps every rejected row with its line, column, reason and raw text', async () => {
		const result = await importFile(ctx.db, join(FIXTURES, 'repairs-rejects.csv'), { kind: 'repair' });
		expect(result).toMatchObject({
			rows: 12,
			accepted: 1,
			rejected: 11,
			skipped: 0,
			duplicates: 0,
			updated: 0
		});
		const { total, rows } = await listRejected(ctx.db, result.batchId);
		expect(total).toBe(11);
		const byLine = Object.fromEntries(rows.map((r) => [r.line, r]));
		expect(byLine[3]).toMatchObject({
			reason: 'required_missing',
			field: 'repair_id',
			columnName: '维修单号'
		});
		expect(byLine[4]).toMatchObject({ reason: 'required_missing', field: 'received_at' });
		expect(byLine[5]).toMatchObject({ reason: 'required_missing', field: 'product_model' });
		expect(byLine[6]).toMatchObject({
			reason: 'invalid_timestamp',
			value: 'not a date',
			columnName: '报修时间'
		});
		expect(byLine[7]).toMatchObject({ reason: 'invalid_number', value: 'abc', columnName: '配件费' });
		expect(byLine[8]).toMatchObject({ reason: 'negative', value: '-5' });
		expect(byLine[9]).toMatchObject({ reason: 'end_before_start', field: 'completed_at' });
		expect(byLine[10]).toMatchObject({ reason: 'invalid_bool', value: 'maybe' });
		expect(byLine[11]).toMatchObject({
			reason: 'column_count',
			rawText: 'G010,2025-06-01 09:00,,M1,10,是,extra cell'
		});
		expect(byLine[12]).toMatchObject({ reason: 'column_count', rawText: 'G011,2025-06-01 09:00' });
		expect(byLine[13]).toMatchObject({ reason: 'invalid_timestamp' });
		expect(byLine[8].rawText).toBe('G007,2025-06-01 09:00,,M1,-5,是');
		expect(await count(ctx.db, 'SELECT count(*) FROM repairs')).toBe(1);
	});

	it('refuses a file without a required field, naming it and the headers found, writing nothing', async () => {
		const path = write('bad.csv', '单号X,时间X,型号\n1,2025-01-01,M\n');
		await expect(importFile(ctx.db, path, { kind: 'repair' })).rejects.toThrow(
			/repair_id, received_at.*单号X \| 时间X \| 型号/
		);
		expect(await count(ctx.db, 'SELECT count(*) FROM import_batches')).toBe(0);
		const mapped = await importFile(ctx.db, path, {
			kind: 'repair',
			map: { 单号X: 'repair_id', 时间X: 'received_at' }
		});
		expect(mapped.accepted).toBe(1);
	});
});

describe('CSV import: idempotency and history', () => {
	it('re-importing the same file changes nothing; a changed row updates and keeps history', async () => {
		const v1 =
			'投诉编号,投诉时间,状态,解决时间\nC1,2025-06-01 09:00,处理中,\nC2,2025-06-01 10:00,处理中,\nC2,2025-06-01 10:00,处理中,\n';
		const first = await importFile(ctx.db, write('c1.csv', v1), { kind: 'complaint' });
		expect(first).toMatchObject({ rows: 3, accepted: 2, duplicates: 1 });
		const again = await importFile(ctx.db, write('c1.csv', v1), { kind: 'complaint' });
		expect(again).toMatchObject({ rows: 3, accepted: 0, updated: 0, duplicates: 3 });
		expect(await count(ctx.db, 'SELECT count(*) FROM complaints_history')).toBe(0);

		const v2 =
			'投诉编号,投诉时间,状态,解决时间\nC1,2025-06-01 09:00,已解决,2025-06-02 09:00\nC2,2025-06-01 10:00,处理中,\nC3,2025-06-03 10:00,处理中,\nC3,2025-06-03 10:00,已解决,2025-06-04 10:00\n';
		const second = await importFile(ctx.db, write('c2.csv', v2), { kind: 'complaint' });
		expect(second).toMatchObject({ rows: 4, accepted: 1, updated: 2, duplicates: 1 });
		const stored = await ctx.db.query(
			'SELECT complaint_id, status, batch_id FROM complaints ORDER BY complaint_id'
		);
		expect(stored).toEqual([
			{ complaint_id: 'C1', status: '已解决', batch_id: second.batchId },
			{ complaint_id: 'C2', status: '处理中', batch_id: first.batchId },
			{ complaint_id: 'C3', status: '已解决', batch_id: second.batchId }
		]);
		const history = await ctx.db.query(
			'SELECT complaint_id, status, superseded_by_batch FROM complaints_history ORDER BY complaint_id'
		);
		expect(history).toEqual([
			{ complaint_id: 'C1', status: '处理中', superseded_by_batch: second.batchId },
			{ complaint_id: 'C3', status: '处理中', superseded_by_batch: second.batchId }
		]);
	});

	it('records lineage for every batch', async () => {
		const r = await importFile(ctx.db, join(FIXTURES, 'repairs-forms.csv'), {
			kind: 'repair',
			importedBy: 'tester'
		});
		const [batch] = await ctx.db.query('SELECT * FROM import_batches WHERE id = $1', [r.batchId]);
		expect(batch).toMatchObject({
			kind: 'repair',
			file_name: 'repairs-forms.csv',
			sha256: r.sha256,
			encoding: 'utf-8',
			delimiter: ',',
			rows: 11,
			accepted: 10,
			skipped: 1,
			imported_by: 'tester'
		});
		expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
	});
});
