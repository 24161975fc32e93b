import { describe, expect, it } from 'vitest';
import { sanitiseText, sanitiseValue } from './sanitise';

describe('sanitiseText', () => {
	it('turns control characters into spaces and cuts long text', () => {
		expect(sanitiseText('a\u0000b\u001b[31mc\u0007')).toBe('a b [31mc ');
		expect(sanitiseText('x'.repeat(400))).toHaveLength(300);
	});
	it('keeps only the last part of absolute paths, not dates or units', () => {
		expect(sanitiseText('cannot open /var/lib/workbench/uploads/abc.csv now')).toBe(
			'cannot open abc.csv now'
		);
		expect(sanitiseText('file = C:\\Users\\li\\a.csv')).toBe('file = a.csv');
		expect(sanitiseText('2025/6/3 金额/元')).toBe('2025/6/3 金额/元');
	});
	it('reaches strings inside objects and arrays', () => {
		expect(sanitiseValue({ a: ['x\u0000', 1], b: { c: '/tmp/x/y.csv' } })).toEqual({
			a: ['x ', 1],
			b: { c: 'y.csv' }
		});
	});
});
