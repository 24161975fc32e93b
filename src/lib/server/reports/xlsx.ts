import ExcelJS from 'exceljs';
import { pointsOf } from '$lib/charts/format';
import { neutraliseCell } from '$lib/domain/csv-safe';
import { pointsMessage } from '$lib/domain/metrics/overview';
import {
	documentTables,
	type Cell,
	type CellKind,
	type PointsKind,
	type ReportDocument,
	type ReportTable
} from '$lib/domain/reports/document';
import { createT, type Translate } from '$lib/i18n';
import { isPointsKind, kindOf, pointsValueKind } from '$lib/domain/reports/cells';
import { appendixTables, metaFacts } from './html';

/** Excel number formats of the cell kinds: the cell keeps the number, the format shows its unit. */
const NUMBER_FORMATS: Record<Exclude<CellKind, 'text' | PointsKind>, string> = {
	date: 'yyyy-mm-dd',
	change: '+0.0%;-0.0%;0.0%',
	count: '#,##0',
	decimal: '0.00',
	per1000: '0.00"‰"',
	share: '0.0%',
	p: '0.00%',
	hours: '0.0" h"',
	days: '0" d"',
	money: '"¥"#,##0.00',
	score: '0.00',
	nps: '0.0'
};

/**
 * The format of a change in points: signed, with the decimals and the unit words of the HTML
 * (`+0.00" 个千分点"`), so the cell reads as the report does and keeps the number.
 */
function pointsFormat(kind: PointsKind, t: Translate): string {
	const valueKind = pointsValueKind(kind);
	const mark = '\u0000';
	const [before, after] = t(pointsMessage(valueKind), { value: mark }).split(mark);
	const quote = (text: string) => (text ? `"${text}"` : '');
	const number = `0.${'0'.repeat(pointsOf(valueKind).digits)}`;
	return ['+', '-', ''].map((sign) => `${quote(before)}${sign}${number}${quote(after)}`).join(';');
}

const numberFormat = (kind: Exclude<CellKind, 'text'>, t: Translate) =>
	isPointsKind(kind) ? pointsFormat(kind, t) : NUMBER_FORMATS[kind];

/** A sheet name Excel accepts (≤ 31 characters, none of \ / ? * [ ] :) and unique in the book. */
function sheetName(title: string, used: Set<string>): string {
	const base =
		title
			.replace(/[\\/?*[\]:]/g, ' ')
			.trim()
			.slice(0, 28) || 'Sheet';
	let name = base;
	for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 27 - String(i).length)} ${i}`;
	used.add(name.toLowerCase());
	return name;
}

function cellValue(value: Cell, kind: CellKind | undefined): ExcelJS.CellValue {
	if (value === null) return null;
	// A change in points is stored in the unit it is read in: percentage points, not a difference of fractions.
	if (typeof value === 'number' && kind && isPointsKind(kind))
		return value * pointsOf(pointsValueKind(kind)).scale;
	if (typeof value === 'number' || typeof value === 'boolean') return value;
	// Text that a spreadsheet would run as a formula is written with a leading quote.
	if (kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
	return neutraliseCell(value) as string;
}

function addTable(book: ExcelJS.Workbook, table: ReportTable, used: Set<string>, t: Translate): void {
	const sheet = book.addWorksheet(sheetName(table.title, used), { views: [{ state: 'frozen', ySplit: 1 }] });
	sheet.columns = table.columns.map((c) => ({
		header: neutraliseCell(c.label) as string,
		key: c.key,
		width: Math.min(60, Math.max(10, c.label.length * 2 + 2))
	}));
	sheet.getRow(1).font = { bold: true };
	for (const row of table.rows) {
		const added = sheet.addRow(table.columns.map((c) => cellValue(row[c.key] ?? null, kindOf(c, row))));
		table.columns.forEach((c, i) => {
			const kind = kindOf(c, row);
			if (kind && kind !== 'text') added.getCell(i + 1).numFmt = numberFormat(kind, t);
		});
	}
}

/** The report as a workbook: a summary sheet (the cover facts), then one sheet per table. */
export async function renderXlsx(doc: ReportDocument): Promise<Buffer> {
	const t = createT(doc.lang);
	const book = new ExcelJS.Workbook();
	book.creator = 'Service Quality Workbench';
	book.created = new Date(doc.generatedAt);
	const used = new Set<string>();
	const summary = book.addWorksheet(sheetName(t('report.sheet.summary'), used));
	summary.columns = [{ width: 24 }, { width: 80 }];
	summary.addRow([neutraliseCell(doc.title) as string]).font = { bold: true, size: 14 };
	for (const fact of metaFacts(doc, t)) summary.addRow([fact.label, cellValue(fact.value, fact.kind)]);
	for (const block of doc.sections.flatMap((s) => s.blocks)) {
		if (block.type === 'facts') {
			for (const fact of block.facts)
				summary.addRow([neutraliseCell(fact.label) as string, cellValue(fact.value, fact.kind)]);
		}
	}
	for (const table of [...documentTables(doc), ...appendixTables(doc, t)]) addTable(book, table, used, t);
	return Buffer.from(await book.xlsx.writeBuffer());
}
