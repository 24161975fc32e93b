import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, toSafeCsv, UTF8_BOM } from './csv-safe';

describe('neutraliseCell', () => {
	it.each(['=SUM(A1:A2)', '+1', '-1+2', '@cmd', '\tx', '\rx', '=HYPERLINK("http://x","y")'])(
		'prefixes a quote to %j',
		(cell) => {
			expect(neutraliseCell(cell)).toBe(`'${cell}`);
		}
	);

	it.each(['abc', '报修时间', '1,234.50', ' =not at start', "'already"])('leaves %j alone', (cell) => {
		expect(neutraliseCell(cell)).toBe(cell);
	});

	it('keeps numbers, booleans and null as they are', () => {
		expect(neutraliseCell(-5)).toBe(-5);
		expect(neutraliseCell(true)).toBe(true);
		expect(neutraliseCell(null)).toBe(null);
		expect(neutraliseCell(undefined)).toBe(null);
	});
});

describe('toSafeCsv', () => {
	it('writes a BOM, a header and neutralised, properly quoted cells', () => {
		const csv = toSafeCsv(
			[
				[3, '=1+1', 'a,b'],
				[4, 'say "hi"', '-2']
			],
			{ header: ['行号 Line', '值 Value', '原始内容 Raw text'], bom: true }
		);
		expect(csv.startsWith(UTF8_BOM)).toBe(true);
		const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
		expect(parsed).toEqual([
			['行号 Line', '值 Value', '原始内容 Raw text'],
			['3', "'=1+1", 'a,b'],
			['4', 'say "hi"', "'-2"]
		]);
	});

	it('writes rows without header or BOM for later chunks', () => {
		expect(toSafeCsv([['x', '@y']])).toBe("x,'@y\r\n");
		expect(toSafeCsv([])).toBe('');
	});

	it('streams a header alone and then its rows as one file, without a blank line between', () => {
		const streamed = toSafeCsv([], { header: ['a', 'b'], bom: true }) + toSafeCsv([['1', '2']]);
		expect(streamed).toBe(toSafeCsv([['1', '2']], { header: ['a', 'b'], bom: true }));
		expect(streamed).toBe(`${UTF8_BOM}a,b\r\n1,2\r\n`);
	});

	it('keeps an empty value of a one-column file as a record', () => {
		const csv = toSafeCsv([], { header: ['region'] }) + toSafeCsv([['']]) + toSafeCsv([['华东'], [null]]);
		expect(csv).toBe('region\r\n""\r\n华东\r\n""\r\n');
		// Parsed as is (the last CRLF ends the file): every record is there, the empty ones included.
		expect(Papa.parse<string[]>(csv.slice(0, -2)).data).toEqual([['region'], [''], ['华东'], ['']]);
	});
});
