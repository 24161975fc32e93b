/** Each sample file in the form a real export system would produce it. */
import ExcelJS from 'exceljs';
import { KIND_DEFS } from '../../src/lib/domain/records';
import { repairHeader } from '../../tests/helpers/generate-repairs';
import { COMPANY, type Defect } from './catalog';
import type { Complaint } from './complaints';
import type { Repair } from './repairs';
import type { Return } from './returns';
import type { SalesRow } from './sales';
import type { Survey } from './surveys';
import {
	fmtCnDate,
	fmtCnMonth,
	fmtIsoDate,
	fmtIsoMinute,
	fmtIsoSeconds,
	fmtSlashDate,
	fmtSlashTime,
	monthStart,
	yearMonth
} from './time';
import { csvText, fixZipTimestamps, gbk, thousands, utf16leBom, utf8Bom, type Cell } from './writers';

const opt = <T>(v: T | null, f: (x: T) => Cell): Cell => (v === null ? '' : f(v));
const plain = (x: number) => String(x);
const yesNo = (b: boolean) => (b ? '是' : '否');

/** Every repair field, in the order of its kind, under the header its export uses. */
export const REPAIR_HEADER = repairHeader(KIND_DEFS.repair.fields.map((f) => f.name));

/** Some partners' systems write ￥1,234.50 and 2025年6月3日; the others plain numbers and 2025/6/3. */
export const CN_STYLE = new Set(['华信维修', '优家服务', '邦德服务']);

export function repairRow(r: Repair): Cell[] {
	const cn = CN_STYLE.has(r.centre.supplier);
	const money = (x: number) => (cn ? `￥${thousands(x)}` : plain(x));
	return [
		r.id,
		fmtSlashTime(r.received),
		r.model.name,
		r.model.category,
		r.serial,
		r.defect.code,
		r.defect.group,
		r.symptom,
		r.cause,
		opt(r.completed, fmtSlashTime),
		cn ? fmtCnDate(r.sold) : fmtSlashDate(r.sold),
		r.region.name,
		r.centre.name,
		r.centre.supplier,
		yesNo(r.inWarranty),
		money(r.parts),
		money(r.labor),
		money(r.logistics),
		money(r.other),
		r.status
	];
}

/** GBK CSV with a title row (padded to the table width, as Excel saves it) and a 合计 row. */
export function repairsGbkCsv(repairs: Repair[]): Buffer {
	const width = REPAIR_HEADER.length;
	const title: Cell[] = [
		`${COMPANY} 售后维修工单导出 2023-01-01 至 2025-12-31`,
		...Array(width - 1).fill('')
	];
	const sum = (f: (r: Repair) => number) => repairs.reduce((a, r) => a + f(r), 0).toFixed(2);
	const total: Cell[] = Array(width).fill('');
	total[0] = '合计';
	total[REPAIR_HEADER.indexOf('配件费')] = sum((r) => r.parts);
	total[REPAIR_HEADER.indexOf('工时费')] = sum((r) => r.labor);
	total[REPAIR_HEADER.indexOf('物流费')] = sum((r) => r.logistics);
	total[REPAIR_HEADER.indexOf('其他费用')] = sum((r) => r.other);
	return gbk(csvText([title, REPAIR_HEADER, ...repairs.map(repairRow), total]));
}

export function complaintsCsv(complaints: Complaint[]): Buffer {
	const header = [
		'投诉编号',
		'投诉时间',
		'投诉渠道',
		'投诉类别',
		'严重程度',
		'产品型号',
		'服务商',
		'区域',
		'门店',
		'首次响应时间',
		'解决时间',
		'处理状态',
		'补偿金额',
		'满意度',
		'投诉内容',
		'处理结果'
	];
	const rows = complaints.map((c) => [
		c.id,
		fmtIsoSeconds(c.received),
		c.channel,
		c.category,
		c.severity,
		c.model?.name,
		c.supplier,
		c.region.name,
		c.store,
		opt(c.firstResponse, fmtIsoSeconds),
		opt(c.resolved, fmtIsoSeconds),
		c.status,
		opt(c.compensation, (x) => x.toFixed(2)),
		c.satisfaction,
		c.description,
		c.resolution
	]);
	return utf8Bom(csvText([header, ...rows]));
}

/** UTF-16LE with BOM, tab-separated, English headers: what Excel's "Unicode text" export gives. */
export function surveysTsv(surveys: Survey[]): Buffer {
	const header = [
		'response_id',
		'responded_at',
		'csat',
		'nps',
		'channel',
		'related_id',
		'product_model',
		'region',
		'comment'
	];
	const rows = surveys.map((s) => [
		s.id,
		fmtIsoMinute(s.responded),
		s.csat,
		s.nps,
		s.channel,
		s.relatedId,
		s.model.name,
		s.region.name,
		s.comment
	]);
	return utf16leBom(csvText([header, ...rows], '\t'));
}

export function returnsCsv(returns: Return[]): Buffer {
	const header = [
		'退货单号',
		'申请时间',
		'订单号',
		'产品型号',
		'售后类型',
		'原因代码',
		'退货原因',
		'数量',
		'退款金额',
		'购买日期',
		'柜台受理完成时间',
		'检验时间',
		'关闭时间',
		'渠道',
		'大区',
		'门店',
		'服务商',
		'是否质量问题',
		'备注'
	];
	const rows = returns.map((r) => [
		r.id,
		fmtIsoMinute(r.requested),
		r.orderId,
		r.model.name,
		r.type,
		r.reasonCode,
		r.reason,
		r.quantity,
		r.amount.toFixed(2),
		fmtIsoDate(r.sold),
		opt(r.counterDone, fmtIsoMinute),
		opt(r.inspected, fmtIsoMinute),
		opt(r.closed, fmtIsoMinute),
		r.channel,
		r.region.name,
		r.store,
		r.supplier,
		opt(r.defectConfirmed, yesNo),
		r.note
	]);
	return Buffer.from(csvText([header, ...rows], ';', '\n'), 'utf8');
}

export const SALES_HEADER_ROW = 3;

/**
 * XLSX: merged title and note rows above the header (row 3); periods as real Excel dates for 2022–2024
 * and as "2025年6月" text for 2025; revenue as a formula with its cached result from 2024 on; a 合计 row.
 */
export async function salesXlsx(sales: SalesRow[]): Promise<Buffer> {
	const fixed = new Date(Date.UTC(2026, 0, 5, 9, 0));
	const wb = new ExcelJS.Workbook();
	wb.creator = COMPANY;
	wb.lastModifiedBy = COMPANY;
	wb.created = fixed;
	wb.modified = fixed;
	const ws = wb.addWorksheet('销量明细', { views: [{ state: 'frozen', ySplit: SALES_HEADER_ROW }] });
	ws.columns = [12, 12, 8, 8, 10, 10, 10, 14].map((width) => ({ width }));
	ws.mergeCells('A1:H1');
	ws.getCell('A1').value = `${COMPANY} 分区域分渠道销量明细 2022年1月—2025年12月`;
	ws.getCell('A1').font = { bold: true, size: 14 };
	ws.getCell('A1').alignment = { horizontal: 'center' };
	ws.mergeCells('A2:H2');
	ws.getCell('A2').value = '单位：台、元（含税）    数据来源：ERP 销售出库单    导出日期：2026-01-05';
	ws.getRow(SALES_HEADER_ROW).values = ['月份', '产品型号', '品类', '大区', '渠道', '销量', '单价', '销售额'];
	ws.getRow(SALES_HEADER_ROW).font = { bold: true };
	let r = SALES_HEADER_ROW;
	for (const s of sales) {
		r++;
		const row = ws.getRow(r);
		const { y } = yearMonth(s.mi);
		const revenue = s.units * s.price;
		row.values = [
			y <= 2024 ? new Date(monthStart(s.mi) * 60000) : fmtCnMonth(s.mi),
			s.model.name,
			s.model.category,
			s.region.name,
			s.channel,
			s.units,
			s.price,
			y >= 2024 ? { formula: `F${r}*G${r}`, result: revenue } : revenue
		];
		if (y <= 2024) row.getCell(1).numFmt = 'yyyy"年"m"月"';
		row.getCell(8).numFmt = '#,##0';
	}
	const last = r;
	const totals = ws.getRow(last + 1);
	totals.values = [
		'合计',
		null,
		null,
		null,
		null,
		{ formula: `SUM(F${SALES_HEADER_ROW + 1}:F${last})`, result: sales.reduce((a, s) => a + s.units, 0) },
		null,
		{
			formula: `SUM(H${SALES_HEADER_ROW + 1}:H${last})`,
			result: sales.reduce((a, s) => a + s.units * s.price, 0)
		}
	];
	totals.font = { bold: true };
	const buf = Buffer.from(await wb.xlsx.writeBuffer());
	return fixZipTimestamps(buf, 2026, 1, 5);
}

/** The defect code dictionary sheet: code, Chinese name, English name (UTF-8 with BOM, as Excel saves it). */
export function defectCodesCsv(defects: readonly Defect[]): Buffer {
	const rows = [['故障代码', '故障名称', '英文名称'], ...defects.map((d) => [d.code, d.name, d.en])];
	return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvText(rows), 'utf8')]);
}
