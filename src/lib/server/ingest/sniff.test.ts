import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
	binaryAt,
	binaryFormat,
	decodeHead,
	detectDelimiter,
	detectEncoding,
	detectFileType,
	normaliseEncodingName
} from './sniff';

const sample = '维修单号,报修时间,产品型号\nR1,2025/6/3 14:05,KFR-35GW\n';

describe('detectEncoding', () => {
	it('recognises BOMs, valid UTF-8 and GBK', () => {
		expect(detectEncoding(Buffer.from('\ufeff' + sample, 'utf8'), false)).toBe('utf-8-bom');
		expect(detectEncoding(iconv.encode(sample, 'utf-16le', { addBOM: true }), false)).toBe('utf-16le');
		expect(detectEncoding(iconv.encode(sample, 'utf-16be', { addBOM: true }), false)).toBe('utf-16be');
		expect(detectEncoding(Buffer.from(sample, 'utf8'), false)).toBe('utf-8');
		expect(detectEncoding(iconv.encode(sample.repeat(20), 'gbk'), false)).toBe('gb18030');
	});
	it('reads UTF-16 without a BOM by its zero bytes', () => {
		expect(detectEncoding(iconv.encode(sample, 'utf-16le'), false)).toBe('utf-16le');
		expect(detectEncoding(iconv.encode(sample, 'utf-16be'), false)).toBe('utf-16be');
	});
	it('keeps UTF-8 with a few damaged bytes as UTF-8, not GB18030', () => {
		const damaged = Buffer.concat([
			Buffer.from(sample.repeat(5), 'utf8'),
			Buffer.from([0xff, 0xfe]),
			Buffer.from(sample, 'utf8')
		]);
		expect(detectEncoding(damaged, false)).toBe('utf-8');
	});
	it('accepts UTF-8 whose sniffed head ends inside a character', () => {
		const bytes = Buffer.from(sample, 'utf8');
		expect(detectEncoding(bytes.subarray(0, 4), true)).toBe('utf-8');
	});
});

describe('decodeHead and names', () => {
	it('strips the BOM and decodes GBK', () => {
		expect(decodeHead(Buffer.from('\ufeffa,b', 'utf8'), 'utf-8-bom')).toBe('a,b');
		expect(decodeHead(iconv.encode(sample, 'gbk'), 'gb18030')).toBe(sample);
	});
	it('normalises encoding names and refuses unknown ones', () => {
		expect(normaliseEncodingName('GBK')).toBe('gb18030');
		expect(normaliseEncodingName('UTF8')).toBe('utf-8');
		expect(() => normaliseEncodingName('klingon-8')).toThrow(/Unknown encoding/);
	});
});

describe('detectDelimiter', () => {
	it('picks the delimiter that splits lines consistently, despite a title row', () => {
		expect(detectDelimiter(['报表标题', 'a;b;c', '1;2,5;3', '4;5;6'])).toBe(';');
		expect(detectDelimiter(['a\tb\tc', '1\t"x, y"\t3'])).toBe('\t');
		expect(detectDelimiter(['a,b,c', '1,"x; y",3'])).toBe(',');
	});
});

describe('detectFileType', () => {
	it('knows a zip (XLSX) from text', () => {
		expect(detectFileType(Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBe('xlsx');
		expect(detectFileType(Buffer.from('a,b'))).toBe('csv');
	});
	it('sends an OLE compound file (encrypted XLSX) to the workbook reader, which names it', () => {
		expect(detectFileType(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).toBe('xlsx');
	});
	it('names binary formats and finds binary data in text', () => {
		expect(binaryFormat(Buffer.from('%PDF-1.7\n'))).toBe('PDF');
		expect(binaryFormat(Buffer.from('a,b\n'))).toBeNull();
		expect(binaryAt('a,b\n1,2\n3,\u00004')).toEqual({ line: 3, code: 0 });
		expect(binaryAt('a,b\n1,\u000b2\n')).toBeNull();
	});
});
