import { describe, expect, it } from 'vitest';
import { pickHeaderRow } from '$lib/domain/ingest/header-mapping';
import { decodeHead, parseHead, previewRows, sourceType } from './local-preview';

const enc = (s: string) => new TextEncoder().encode(s);

describe('decodeHead', () => {
	it('reads UTF-8 with and without BOM', () => {
		expect(decodeHead(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('维修单号,机型')]))).toEqual({
			text: '维修单号,机型',
			encoding: 'utf-8'
		});
		expect(decodeHead(enc('维修单号,机型')).encoding).toBe('utf-8');
	});

	it('falls back to GB18030 for GBK bytes', () => {
		// "维修" in GBK
		const gbk = new Uint8Array([0xce, 0xac, 0xd0, 0xde]);
		expect(decodeHead(gbk)).toEqual({ text: '维修', encoding: 'gb18030' });
	});

	it('does not mistake a UTF-8 character cut at the end of the slice for GBK', () => {
		const bytes = enc('单号,维修');
		expect(decodeHead(bytes.slice(0, bytes.length - 1)).encoding).toBe('utf-8');
	});

	it('honours UTF-16 BOMs', () => {
		const le = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x2c, 0x00, 0x62, 0x00]);
		expect(decodeHead(le)).toEqual({ text: 'a,b', encoding: 'utf-16le' });
		const be = new Uint8Array([0xfe, 0xff, 0x00, 0x61, 0x00, 0x2c, 0x00, 0x62]);
		expect(decodeHead(be)).toEqual({ text: 'a,b', encoding: 'utf-16be' });
	});
});

describe('sourceType', () => {
	it('goes by magic bytes first, then the extension', () => {
		expect(sourceType('a.csv', new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toBe('xlsx');
		expect(sourceType('a.XLSX', enc('x'))).toBe('xlsx');
		expect(sourceType('a.tsv', enc('x'))).toBe('text');
		expect(sourceType('a.pdf', enc('x'))).toBeNull();
	});
});

describe('header detection', () => {
	const text = [
		'某某电器售后服务中心 维修工单导出',
		'导出时间：2025-07-01',
		'',
		'维修单号,报修时间,机型,故障代码,配件费',
		'R1,2025/6/3 14:05,KF-35,E1,"¥1,234.50"',
		'R2,2025/6/4 09:00,KF-50,E2,0',
		'合计,,,,"¥1,234.50"'
	].join('\n');

	it('skips title rows above the header', () => {
		const { rows, delimiter } = parseHead(text, { truncated: false });
		expect(delimiter).toBe(',');
		expect(pickHeaderRow('repair', rows)).toBe(3);
		const preview = previewRows('repair', rows);
		expect(preview.headers).toEqual(['维修单号', '报修时间', '机型', '故障代码', '配件费']);
		expect(preview.rows[0]).toEqual(['R1', '2025/6/3 14:05', 'KF-35', 'E1', '¥1,234.50']);
		expect(preview.rows).toHaveLength(3);
	});

	it('drops the possibly cut last row of a truncated head', () => {
		const { rows } = parseHead('a,b\n1,2\n3,', { truncated: true });
		expect(rows).toEqual([
			['a', 'b'],
			['1', '2']
		]);
	});

	it('takes the first widest row when nothing looks like a header', () => {
		const { rows } = parseHead('title\nfoo,bar\n1,2', { truncated: false });
		expect(pickHeaderRow('repair', rows)).toBe(1);
	});

	it('names empty and repeated headers like the server does', () => {
		const { rows } = parseHead('维修单号,,备注,备注\nR1,x,y,z', { truncated: false });
		expect(previewRows('repair', rows).headers).toEqual(['维修单号', 'column_2', '备注', '备注 (2)']);
	});

	it('uses profile columns for a file without a header row', () => {
		const { rows } = parseHead('R1,2025-06-01\nR2,2025-06-02', { truncated: false });
		const preview = previewRows('repair', rows, ['id', 'date']);
		expect(preview).toEqual({
			headerIndex: -1,
			headers: ['id', 'date'],
			rows: [
				['R1', '2025-06-01'],
				['R2', '2025-06-02']
			]
		});
	});
});
