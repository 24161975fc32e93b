import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { children, firstLevel, leaves } from '../../src/lib/domain/assessment/catalogue';
import { loadCatalogueFile, loadDefaultCatalogue } from '../../src/lib/server/assessment/catalogue-store';
import { InvalidCatalogueError } from '../../src/lib/server/assessment/errors';
import { errorResponse } from '../../src/lib/server/http/api';
import { sheetHeader, smallCatalogue } from '../helpers/assessment';
import { tempDatabase } from '../helpers/temp-db';

const HEADER = sheetHeader('编号', '上级编号', '指标名称');

/** A certification body's sheet: a title row, the header, then one row per item. */
async function writeSheet(path: string, rows: (string | number)[][]): Promise<void> {
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet('评价指标');
	sheet.addRow(['某认证机构 商品售后服务评价 评分表']);
	sheet.addRow(HEADER);
	for (const row of rows) sheet.addRow(row);
	await workbook.xlsx.writeFile(path);
}

const VALID: (string | number)[][] = [
	['A', '', '售后服务体系', 'Service system', '', '', '', '', '', ''],
	['A.1', 'A', '组织架构', 'Organisation', '', '', '', '', '', ''],
	['A.1.1', 'A.1', '设立售后服务部门', '', 60, '组织架构图', '', '', '', ''],
	['B', '', '顾客服务', 'Customer service', '', '', '', '', '', ''],
	['B.1', 'B', '投诉处理', '', '', '', '', '', '', ''],
	[
		'B.1.1',
		'',
		'投诉按时解决',
		'',
		'40分',
		'投诉台账',
		'complaints.sla',
		'resolution_within_target_share',
		0.9,
		'≥'
	]
];

describe('catalogues', () => {
	let ctx: Awaited<ReturnType<typeof tempDatabase>>;
	beforeAll(async () => {
		ctx = await tempDatabase();
	});
	afterAll(() => {
		delete process.env.WORKBENCH_STANDARD;
		ctx.remove();
	});

	it('loads the shipped GB/T 27922 catalogue: 3 first-level, 15 second-level indicators, 100 points', async () => {
		delete process.env.WORKBENCH_STANDARD;
		const catalogue = await loadDefaultCatalogue();
		const first = firstLevel(catalogue);
		expect(first.map((i) => i.title_zh)).toEqual(['售后服务体系', '商品服务', '顾客服务']);
		expect(first.flatMap((i) => children(catalogue, i.id))).toHaveLength(15);
		expect(leaves(catalogue).reduce((s, l) => s + (l.points ?? 0), 0)).toBeCloseTo(100, 9);
		expect(leaves(catalogue).some((l) => l.metric)).toBe(true);
	});

	it('honours WORKBENCH_STANDARD and names the file in errors', async () => {
		const path = join(ctx.dir, 'site-standard.json');
		writeFileSync(path, JSON.stringify(smallCatalogue()));
		process.env.WORKBENCH_STANDARD = path;
		expect((await loadDefaultCatalogue()).id).toBe('test-catalogue');
		writeFileSync(path, '{ "id": "x", ');
		const error = (await loadDefaultCatalogue().catch((e: unknown) => e)) as InvalidCatalogueError;
		expect(error).toBeInstanceOf(InvalidCatalogueError);
		expect(error.message).toContain(path);
		expect(error.message).toContain('not valid JSON');
	});

	it("reads a certification body's XLSX sheet (title row, Chinese headers, implied parents, metric)", async () => {
		const path = join(ctx.dir, 'cb-sheet.xlsx');
		await writeSheet(path, VALID);
		const catalogue = await loadCatalogueFile(path, '认证机构评分表.xlsx');
		expect(catalogue.id).toBe('认证机构评分表');
		expect(leaves(catalogue).map((l) => [l.id, l.points])).toEqual([
			['A.1.1', 60],
			['B.1.1', 40]
		]);
		expect(catalogue.items.find((i) => i.id === 'B.1.1')).toMatchObject({
			parent: 'B.1',
			guidance: '投诉台账',
			metric: {
				id: 'complaints.sla',
				params: { column: 'resolution_within_target_share' },
				threshold: 0.9,
				direction: 'min'
			}
		});
	});

	it('refuses an invalid sheet with an error naming the item, answered as 422', async () => {
		const path = join(ctx.dir, 'bad-sheet.xlsx');
		const rows = VALID.map((r) => [...r]);
		rows[2][4] = ''; // A.1.1 loses its points
		await writeSheet(path, rows);
		const error = (await loadCatalogueFile(path, 'bad-sheet.xlsx').catch(
			(e: unknown) => e
		)) as InvalidCatalogueError;
		expect(error).toBeInstanceOf(InvalidCatalogueError);
		expect(error.issues.join('\n')).toContain('item A.1.1: check item (leaf) without points');
		expect(error.message).toContain('bad-sheet.xlsx');
		const response = errorResponse(error, 'en');
		expect(response.status).toBe(422);
		expect(await response.json()).toMatchObject({ code: 'invalid_catalogue', issues: error.issues });

		rows[2][4] = 'sixty';
		await writeSheet(path, rows);
		const notNumber = (await loadCatalogueFile(path).catch((e: unknown) => e)) as InvalidCatalogueError;
		expect(notNumber.issues).toEqual(['row 5 (item A.1.1): points "sixty" is not a number']);
	});

	it('reads a JSON catalogue and refuses a broken file that is neither', async () => {
		const json = join(ctx.dir, 'cb.json');
		writeFileSync(json, JSON.stringify(smallCatalogue()));
		expect(leaves(await loadCatalogueFile(json))).toHaveLength(5);
		const junk = join(ctx.dir, 'junk.xlsx');
		writeFileSync(junk, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100)]));
		const error = (await loadCatalogueFile(junk).catch((e: unknown) => e)) as InvalidCatalogueError;
		expect(error).toBeInstanceOf(InvalidCatalogueError);
		expect(error.issues[0]).toMatch(/not a readable XLSX/);
	});
});
