import { describe, expect, it } from 'vitest';
import { RecordScanner, parseHeadRecords } from './csv-scan';

function scan(text: string, fields: number, skipLines: number, chunk = 3): RecordScanner {
	const scanner = new RecordScanner(','.charCodeAt(0), fields, skipLines);
	const bytes = Buffer.from(text, 'utf8');
	// Small chunks put quotes and line ends on chunk boundaries.
	for (let i = 0; i < bytes.length; i += chunk) scanner.push(bytes.subarray(i, i + chunk));
	scanner.end();
	return scanner;
}

describe('parseHeadRecords', () => {
	it('splits quoted cells holding delimiters, quotes and newlines, with their lines', () => {
		const records = parseHeadRecords('a,b\n"x, y","say ""hi""\nthere"\r\nlast,1', ',', 10);
		expect(records).toEqual([
			{ cells: ['a', 'b'], startLine: 1, endLine: 1 },
			{ cells: ['x, y', 'say "hi"\nthere'], startLine: 2, endLine: 3 },
			{ cells: ['last', '1'], startLine: 4, endLine: 4 }
		]);
	});
	it('treats a quote inside an unquoted cell as text, as DuckDB does', () => {
		expect(parseHeadRecords('32" TV,1\n', ',', 5)[0].cells).toEqual(['32" TV', '1']);
	});
});

describe('RecordScanner', () => {
	const text = 'title\nh1,h2,h3\n1,"a\nb",3\n\n2,q,4,extra\n3,"x ""y"", z",5\r\n   \n4,5\n5,6,7';
	for (const chunk of [1, 2, 3, 7, 1000]) {
		it(`classifies records the same whatever the chunking (${chunk})`, () => {
			const s = scan(text, 3, 2, chunk);
			expect(s.good).toBe(3);
			expect([0, 1, 2].map((i) => s.goodLine(i))).toEqual([3, 7, 10]);
			expect(s.blank).toBe(1);
			expect(s.bad.map((b) => [b.line, b.fields])).toEqual([
				[6, 4],
				[9, 2]
			]);
			const bytes = Buffer.from(text, 'utf8');
			const first = s.bad[0];
			expect(bytes.subarray(first.offset, first.offset + first.length).toString()).toBe('2,q,4,extra');
		});
	}

	it('finds the line of a quote that never closes, or closes inside a field', () => {
		expect(scan('h1,h2\n1,2\n2,"x\n3,4\n4,5\n', 2, 1).broken).toEqual({ problem: 'unclosed_quote', line: 3 });
		expect(scan('h1,h2\n1,"a\nb"c,2\n', 2, 1).broken).toEqual({ problem: 'unclosed_quote', line: 2 });
		expect(scan('h1,h2\n1,"a\nb",2\n', 2, 1).broken).toBeNull();
	});
	it('finds a lone CR inside an LF file', () => {
		expect(scan('h1,h2\n1,2\r\n2,3\r3,4\n', 2, 1, 1).broken).toEqual({ problem: 'stray_cr', line: 3 });
		expect(scan('h1,h2\n1,"2\r3"\n', 2, 1).broken).toBeNull();
	});
	it('marks records with invalid UTF-8 or over the size limit as bad, by reason', () => {
		const bytes = Buffer.concat([
			Buffer.from('h1,h2\n1,中\n2,'),
			Buffer.from([0xe4, 0xb8]),
			Buffer.from('\n3,xxxxxxxx\n4,ok\n')
		]);
		const scanner = new RecordScanner(','.charCodeAt(0), 2, 1, 8);
		for (let i = 0; i < bytes.length; i += 2) scanner.push(bytes.subarray(i, i + 2));
		scanner.end();
		expect(scanner.bad.map((b) => [b.line, b.reason])).toEqual([
			[3, 'invalid_encoding'],
			[4, 'record_too_long']
		]);
		expect(scanner.good).toBe(2);
	});
	it('finds where CR LF and LF line ends start to mix', () => {
		expect(scan('h1,h2\r\n1,2\r\n2,3\n3,4\r\n', 2, 1, 1).broken).toEqual({
			problem: 'mixed_line_ends',
			line: 3
		});
		expect(scan('h1,h2\r\n1,2\r\n2,3\r\n', 2, 1).broken).toBeNull();
	});
});
