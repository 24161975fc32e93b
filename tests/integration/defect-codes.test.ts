import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readAudit } from '../../src/lib/server/audit/log';
import { importDefectCodeSheet } from '../../src/lib/server/catalogue/defect-code-sheet';
import {
	deleteDefectCode,
	listDefectCodes,
	saveDefectCode
} from '../../src/lib/server/catalogue/defect-codes';
import { backup, restore } from '../../src/lib/server/db/backup';
import { Database } from '../../src/lib/server/db/connection';
import { importFile } from '../../src/lib/server/ingest';
import { metricRows } from '../../src/lib/server/metrics/registry';
import { runWorkbench } from '../helpers/cli';
import { importDemoData } from '../helpers/demo-data';
import { useTempDatabase } from '../helpers/temp-db';

const ctx = useTempDatabase({ each: true });

const names = async (db: Database) =>
	Object.fromEntries((await listDefectCodes(db)).map((c) => [c.code, [c.name_zh, c.name_en, c.source]]));

const REPAIRS = [
	'维修单号,报修时间,产品型号,故障代码,故障现象,配件费',
	'R1,2025-03-01 10:00,BCD-218,E5,压缩机异响,100',
	'R2,2025-03-02 10:00,BCD-218,E5,压缩机异响,50',
	'R3,2025-03-03 10:00,BCD-218,E5,后部噪音大,10',
	'R4,2025-03-04 10:00,BCD-218,E6,漏水,20',
	'R5,2025-03-05 10:00,BCD-218,E7,,30'
].join('\n');

describe('defect code dictionary', () => {
	it('imports a GBK CSV with Chinese headers under a title row, then re-imports as unchanged', async () => {
		const path = join(ctx.dir, '故障代码.csv');
		writeFileSync(
			path,
			iconv.encode(
				'故障代码对照表\n故障代码,故障名称,英文名称\nE5,压缩机异响,Compressor noise\nE6,漏水,\n\n',
				'gbk'
			)
		);
		expect(await importDefectCodeSheet(ctx.db, path, 'tester')).toMatchObject({ rows: 2, added: 2 });
		expect(await names(ctx.db)).toEqual({
			E5: ['压缩机异响', 'Compressor noise', 'import'],
			E6: ['漏水', null, 'import']
		});
		expect(await importDefectCodeSheet(ctx.db, path, 'tester')).toMatchObject({ added: 0, unchanged: 2 });
		const audit = await readAudit(ctx.db, { entity: 'defect_code' });
		expect(audit.map((a) => a.action)).toEqual(['defect-code.import', 'defect-code.import']);
	});

	it('imports an XLSX sheet, headerless columns read as code, name, English name', async () => {
		const path = join(ctx.dir, 'codes.xlsx');
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('代码');
		ws.addRow(['E1', '制冷不良', 'Poor cooling']);
		ws.addRow(['W5', '电机异响']);
		await wb.xlsx.writeFile(path);
		await importDefectCodeSheet(ctx.db, path, 'tester');
		expect(await names(ctx.db)).toEqual({
			E1: ['制冷不良', 'Poor cooling', 'import'],
			W5: ['电机异响', null, 'import']
		});
	});

	it('refuses a sheet with bad rows naming row and column, leaving the dictionary unchanged', async () => {
		await saveDefectCode(ctx.db, { code: 'E1', name_zh: '制冷不良', name_en: null }, 'tester', {
			create: true
		});
		const path = join(ctx.dir, 'bad.xlsx');
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('Sheet1');
		ws.addRow(['故障代码', '故障名称']);
		ws.addRow(['E1', '改了']);
		ws.addRow(['E2', '']);
		ws.addRow(['E1', '重复']);
		await wb.xlsx.writeFile(path);
		const error = await importDefectCodeSheet(ctx.db, path, 'tester').catch((e: unknown) => e);
		expect(String(error)).toMatch(/bad\.xlsx.*第 3 行，B \(故障名称\) 列/);
		expect((error as { details: { problems: unknown[] } }).details.problems).toEqual([
			{ line: 3, column: 'B (故障名称)', reason: 'dict.reason.nameMissing', value: '' },
			{ line: 4, column: 'A (故障代码)', reason: 'dict.reason.repeated', value: 'E1' }
		]);
		expect(await names(ctx.db)).toEqual({ E1: ['制冷不良', null, 'manual'] });
	});

	it('learns names from a repairs import without overwriting manual names, inside the import', async () => {
		await saveDefectCode(ctx.db, { code: 'E6', name_zh: '接水盘漏水', name_en: 'Drip tray leak' }, 'tester', {
			create: true
		});
		const path = join(ctx.dir, 'repairs.csv');
		writeFileSync(path, REPAIRS);
		await importFile(ctx.db, path, { kind: 'repair' });
		expect(await names(ctx.db)).toEqual({
			E5: ['压缩机异响', null, 'learned'],
			E6: ['接水盘漏水', 'Drip tray leak', 'manual']
		});
		const learned = await readAudit(ctx.db, { entity: 'batch' });
		expect(learned.find((a) => a.action === 'defect-code.learn')?.detail).toEqual({ codes: ['E5'] });
	});

	it('labels defect metric rows by code, edits show at once, other dimensions carry no names', async () => {
		const path = join(ctx.dir, 'repairs.csv');
		writeFileSync(path, REPAIRS);
		await importFile(ctx.db, path, { kind: 'repair' });
		const pareto = await metricRows(ctx.db, 'defects.pareto', { filters: {} });
		expect(pareto.map((r) => [r.key, r.name_zh, r.count])).toEqual([
			['E5', '压缩机异响', 3],
			['E6', '漏水', 1],
			['E7', null, 1]
		]);
		await saveDefectCode(ctx.db, { code: 'E7', name_zh: '门封不严', name_en: 'Door seal' }, 'tester', {
			create: true
		});
		const drivers = await metricRows(ctx.db, 'cost.drivers', { filters: {} });
		expect(drivers.find((r) => r.key === 'E7')).toMatchObject({
			name_zh: '门封不严',
			name_en: 'Door seal',
			total: 30
		});
		const byModel = await metricRows(ctx.db, 'defects.pareto', { filters: {}, by: 'product_model' });
		expect(byModel[0]).toMatchObject({ key: 'BCD-218', name_zh: null, name_en: null });
		await deleteDefectCode(ctx.db, 'E7', 'tester');
		const after = await metricRows(ctx.db, 'defects.pareto', { filters: {} });
		expect(after.find((r) => r.key === 'E7')?.name_zh).toBeNull();
	});

	it('is part of a backup and comes back on restore', async () => {
		await saveDefectCode(ctx.db, { code: 'E5', name_zh: '压缩机异响', name_en: null }, 'tester', {
			create: true
		});
		const dir = mkdtempSync(join(tmpdir(), 'workbench-dict-'));
		const keep = { evidence: process.env.WORKBENCH_EVIDENCE, metrics: process.env.WORKBENCH_METRICS };
		process.env.WORKBENCH_EVIDENCE = join(dir, 'evidence');
		process.env.WORKBENCH_METRICS = join(dir, 'metrics.json');
		try {
			const manifest = await backup(ctx.db, join(dir, 'backup'));
			expect(manifest.tables.defect_codes.rows).toBe(1);
			await restore(join(dir, 'backup'), join(dir, 'restored.duckdb'), false);
			const restored = await Database.open(join(dir, 'restored.duckdb'));
			try {
				expect(await names(restored)).toEqual({ E5: ['压缩机异响', null, 'manual'] });
			} finally {
				restored.close();
			}
		} finally {
			process.env.WORKBENCH_EVIDENCE = keep.evidence;
			process.env.WORKBENCH_METRICS = keep.metrics;
			if (keep.evidence === undefined) delete process.env.WORKBENCH_EVIDENCE;
			if (keep.metrics === undefined) delete process.env.WORKBENCH_METRICS;
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('CLI: defect-codes import FILE and list --json; a bad sheet exits 1 naming the row', () => {
		const env = { WORKBENCH_DB: join(ctx.dir, 'cli.duckdb') };
		const good = join(ctx.dir, 'codes.csv');
		writeFileSync(good, 'code,name,english name\nE5,压缩机异响,Compressor noise\n');
		const imported = runWorkbench(['defect-codes', 'import', good, '--json'], env);
		expect(imported.stderr).toBe('');
		expect(JSON.parse(imported.stdout)).toMatchObject({ added: 1 });
		const listed = runWorkbench(['defect-codes', 'list', '--json'], env);
		expect(JSON.parse(listed.stdout)).toMatchObject([
			{ code: 'E5', name_zh: '压缩机异响', name_en: 'Compressor noise', source: 'import', updated_by: 'cli' }
		]);
		const bad = join(ctx.dir, 'bad.csv');
		writeFileSync(bad, 'code,name\n,无代码\n');
		const refused = runWorkbench(['defect-codes', 'import', bad], env);
		expect(refused.code).toBe(1);
		expect(refused.stderr).toMatch(/row 2, column A \(code\)/);
		expect(runWorkbench(['defect-codes', 'frobnicate'], env).code).toBe(2);
	}, 60_000);

	it('the demo data names every defect code its repairs carry, from its dictionary sheet', async () => {
		await importDemoData(ctx.db);
		const pareto = await metricRows(ctx.db, 'defects.pareto', { filters: {} });
		expect(pareto.length).toBeGreaterThan(10);
		expect(pareto.filter((r) => r.key !== null && !r.name_zh)).toEqual([]);
		expect(pareto.find((r) => r.key === 'E5')).toMatchObject({
			name_zh: '压缩机异响',
			name_en: 'Compressor noise'
		});
		expect((await listDefectCodes(ctx.db)).filter((c) => c.source !== 'import')).toEqual([]);
	}, 120_000);
});
