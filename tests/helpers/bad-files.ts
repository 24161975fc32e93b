/**
 * The bad files of tests/fixtures/bad too large to commit, made at test time, each with the
 * expectation a committed file keeps in its NAME.expect.json sidecar.
 */
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Kind } from '../../src/lib/domain/records';
import { writeForgedBomb } from './zip';

export interface BadFileExpectation {
	kind: Kind;
	/** refused: nothing written; rejected: some rows rejected row by row; accepted: every row in. */
	outcome: 'refused' | 'rejected' | 'accepted';
	/** A refusal: a substring of its English message. */
	message?: string;
	/** Rows that passed the checks: accepted, updated or duplicate (the corpus shares one database). */
	accepted?: number;
	rejected?: number;
	/** The reason codes of the rejected rows (all of them, in any order). */
	reasons?: string[];
	encoding?: string;
	/** Values that must be stored exactly, by the kind's key. */
	stored?: { key: string; field: string; value: string }[];
}

export interface GeneratedBadFile {
	name: string;
	expect: BadFileExpectation;
	write: (path: string) => void | Promise<void>;
}

const HEADER = '维修单号,报修时间,完工时间,产品型号,购买日期,配件费,工时费,保内,服务网点';
const ASCII_HEADER =
	'repair_id,received_at,completed_at,product_model,sold_at,parts_cost,labor_cost,in_warranty,service_center';

function repairRow(id: string, serviceCenter = 'Shanghai'): string {
	return `${id},2025-06-03 09:00,2025-06-04 10:00,KFR-35GW,2024-05-01,12.5,80,yes,${serviceCenter}`;
}

function repairRows(prefix: string, n: number): string[] {
	return Array.from({ length: n }, (_, i) => repairRow(`${prefix}${String(i + 1).padStart(5, '0')}`));
}

const MiB = 1024 * 1024;

export const GENERATED_BAD_FILES: GeneratedBadFile[] = [
	{
		name: 'columns-5000.csv',
		expect: {
			kind: 'repair',
			outcome: 'refused',
			message: 'the file has 5009 columns, over the limit of 256'
		},
		write: (path) => {
			const extra = Array.from({ length: 5000 }, (_, i) => `x${i}`);
			writeFileSync(
				path,
				[`${HEADER},${extra.join(',')}`, `${repairRow('WC001')}${',v'.repeat(5000)}`].join('\n')
			);
		}
	},
	{
		name: 'xlsx-columns-5000.xlsx',
		expect: {
			kind: 'repair',
			outcome: 'refused',
			message: 'the file has 5009 columns, over the limit of 256'
		},
		write: async (path) => {
			const wb = new ExcelJS.Workbook();
			const ws = wb.addWorksheet('S');
			ws.addRow([...HEADER.split(','), ...Array.from({ length: 5000 }, (_, i) => `x${i}`)]);
			ws.addRow(repairRow('XC001').split(','));
			await wb.xlsx.writeFile(path);
		}
	},
	{
		name: 'cell-20mib.csv',
		expect: { kind: 'repair', outcome: 'rejected', accepted: 2, rejected: 1, reasons: ['record_too_long'] },
		write: (path) =>
			writeFileSync(
				path,
				[HEADER, repairRow('BC001'), repairRow('BC002', 'x'.repeat(20 * MiB)), repairRow('BC003')].join('\n')
			)
	},
	{
		name: 'long-cell-3mib.csv',
		expect: { kind: 'repair', outcome: 'accepted', accepted: 2 },
		write: (path) =>
			writeFileSync(path, [HEADER, repairRow('LC001', 'y'.repeat(3 * MiB)), repairRow('LC002')].join('\n'))
	},
	{
		name: 'gbk-after-256k.csv',
		expect: {
			kind: 'repair',
			outcome: 'accepted',
			accepted: 6001,
			encoding: 'gb18030',
			stored: [{ key: 'GL99999', field: 'service_center', value: '北京朝阳服务站' }]
		},
		write: (path) =>
			writeFileSync(
				path,
				iconv.encode(
					[ASCII_HEADER, ...repairRows('GL', 6000), repairRow('GL99999', '北京朝阳服务站')].join('\n'),
					'gbk'
				)
			)
	},
	{
		name: 'first-line-over-256k.csv',
		expect: { kind: 'repair', outcome: 'refused', message: 'the first line runs past 256 KB' },
		write: (path) => writeFileSync(path, `${'报表'.repeat(100_000)}\n${HEADER}\n${repairRow('FL001')}\n`)
	},
	{
		name: 'unterminated-quote-late.csv',
		expect: { kind: 'repair', outcome: 'refused', message: 'quoted value opened on line 8002' },
		write: (path) =>
			writeFileSync(
				path,
				[HEADER, ...repairRows('QL', 8000), repairRow('QL99999', '"Shanghai'), ...repairRows('QM', 5)].join(
					'\n'
				)
			)
	},
	{
		name: 'mixed-line-ends-late.csv',
		expect: { kind: 'repair', outcome: 'refused', message: 'line 6002 ends differently (LF or CR LF)' },
		write: (path) =>
			writeFileSync(
				path,
				`${[HEADER, ...repairRows('MX', 6000)].join('\r\n')}\r\n${repairRows('MY', 3).join('\n')}\n`
			)
	},
	{
		name: 'forged-zip-bomb.xlsx',
		expect: {
			kind: 'repair',
			outcome: 'refused',
			message: 'expands to more than 100 times its compressed size'
		},
		write: (path) => writeForgedBomb(path, 1024 ** 3)
	}
];
