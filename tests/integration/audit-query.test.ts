import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/lib/server/audit/log';
import { auditQuerySchema, AUDIT_PAGE_SIZE, exportAudit, listAudit } from '../../src/lib/server/audit/query';
import { importFile } from '../../src/lib/server/ingest';
import { tempDatabase } from '../helpers/temp-db';

let ctx: Awaited<ReturnType<typeof tempDatabase>>;
const query = (q: Record<string, string> = {}) => auditQuerySchema.parse(q);

beforeAll(async () => {
	ctx = await tempDatabase();
	const csv = join(ctx.dir, 'repairs.csv');
	writeFileSync(csv, '维修单号,报修时间,产品型号\nR1,2025-10-03 09:00,KFR-35GW\n');
	await importFile(ctx.db, csv, { kind: 'repair', importedBy: 'analyst', saveProfile: 'CRM 维修' });
	for (let i = 0; i < AUDIT_PAGE_SIZE + 5; i++)
		await recordAudit(ctx.db, {
			actor: i % 2 ? 'auditor' : 'analyst',
			action: 'report.download',
			entity: 'report',
			// One id a spreadsheet would run as a formula, for the export's guard.
			entityId: i === 7 ? '=R-7' : `R-${i}`,
			detail: { fileName: `月报-${i}.pdf` },
			origin: '10.0.0.7'
		});
});
afterAll(() => ctx.remove());

describe('audit log query', () => {
	it('lists newest first, a page at a time, with the filter choices', async () => {
		const first = await listAudit(ctx.db, query());
		expect(first.total).toBe(AUDIT_PAGE_SIZE + 7);
		expect(first.pages).toBe(2);
		expect(first.entries).toHaveLength(AUDIT_PAGE_SIZE);
		expect(first.entries[0]).toMatchObject({ entityId: `R-${AUDIT_PAGE_SIZE + 4}`, origin: '10.0.0.7' });
		const second = await listAudit(ctx.db, query({ page: '2' }));
		expect(second.entries.map((e) => e.action)).toEqual([
			'report.download',
			'report.download',
			'report.download',
			'report.download',
			'report.download',
			'import.commit',
			'mapping-profile.save'
		]);
		expect(second.entries.at(-1)?.detail).toContain('维修单号');
		expect(first.actors).toEqual(['analyst', 'auditor']);
		expect(first.actions).toEqual(['import.commit', 'mapping-profile.save', 'report.download']);
	});

	it('filters by actor, action, date range and text', async () => {
		expect((await listAudit(ctx.db, query({ actor: 'auditor' }))).total).toBe(27);
		expect((await listAudit(ctx.db, query({ action: 'import.commit' }))).total).toBe(1);
		expect((await listAudit(ctx.db, query({ q: '月报-12.PDF' }))).entries.map((e) => e.entityId)).toEqual([
			'R-12'
		]);
		const today = new Date();
		const p = (n: number) => String(n).padStart(2, '0');
		const day = `${today.getFullYear()}-${p(today.getMonth() + 1)}-${p(today.getDate())}`;
		expect((await listAudit(ctx.db, query({ from: day, to: day }))).total).toBe(AUDIT_PAGE_SIZE + 7);
		expect((await listAudit(ctx.db, query({ to: '2020-01-01' }))).total).toBe(0);
		expect(auditQuerySchema.safeParse({ from: '2025-13' }).success).toBe(false);
		// The page's form sends empty fields: no filter.
		expect((await listAudit(ctx.db, query({ actor: '', from: '', to: '', q: ' ' }))).total).toBe(
			AUDIT_PAGE_SIZE + 7
		);
	});

	it('exports the filtered entries as CSV with a BOM and formula-safe cells', async () => {
		const file = await exportAudit(ctx.db, query({ actor: 'auditor' }), 'csv');
		const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes);
		expect(text.startsWith('\uFEFFid,at,actor,action,entity,entity_id,origin,detail\r\n')).toBe(true);
		const rows = Papa.parse<string[]>(text.slice(1).trim()).data.slice(1);
		expect(rows).toHaveLength(27);
		expect(rows.every((r) => r[2] === 'auditor')).toBe(true);
		expect(rows.find((r) => r[7].includes('月报-7.pdf'))?.[5]).toBe("'=R-7");
	});

	it('exports XLSX with typed cells and a frozen header', async () => {
		const file = await exportAudit(ctx.db, query({ action: 'report.download' }), 'xlsx');
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(file.bytes as unknown as ArrayBuffer);
		const sheet = book.getWorksheet('audit_log')!;
		expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(sheet.getRow(1).values).toEqual([
			undefined,
			'id',
			'at',
			'actor',
			'action',
			'entity',
			'entity_id',
			'origin',
			'detail'
		]);
		expect(sheet.rowCount).toBe(AUDIT_PAGE_SIZE + 6);
		expect(typeof sheet.getCell('A2').value).toBe('number');
		expect(sheet.getCell('B2').value).toBeInstanceOf(Date);
	});
});
