import { describe, expect, it } from 'vitest';
import { formatAxis, formatChange, formatPoints, formatValue, MISSING, toNumber } from './format';

describe('formatValue', () => {
	it('formats each kind with its unit', () => {
		expect(formatValue(1234.4, 'count', 'en-GB')).toBe('1,234');
		expect(formatValue(5.123, 'per1000', 'en-GB')).toBe('5.12‰');
		expect(formatValue(0.9, 'share', 'en-GB')).toBe('90.0%');
		expect(formatValue(0.00523, 'p', 'en-GB')).toBe('0.52%');
		expect(formatValue(12.34, 'hours', 'en-GB')).toBe('12.3 h');
		expect(formatValue(1234.5, 'money', 'zh-CN')).toBe('¥1,234.50');
		expect(formatValue(-12.345, 'nps', 'en-GB')).toBe('-12.3');
	});

	it('shows a dash for missing values', () => {
		expect(formatValue(null, 'share', 'en-GB')).toBe(MISSING);
		expect(formatValue(undefined, 'count', 'en-GB')).toBe(MISSING);
		expect(formatValue(Number.NaN, 'count', 'en-GB')).toBe(MISSING);
	});
});

describe('formatAxis and formatChange', () => {
	it('keeps axis labels short', () => {
		expect(formatAxis(0.25, 'share', 'en-GB')).toBe('25%');
		expect(formatAxis(120000, 'money', 'en-GB')).toMatch(/^¥120[kK]$/);
	});

	it('signs changes', () => {
		expect(formatChange(0.123, 'en-GB')).toBe('+12.3%');
		expect(formatChange(-0.05, 'en-GB')).toBe('−5.0%');
		expect(formatChange(0, 'en-GB')).toBe('0.0%');
		expect(formatChange(null, 'en-GB')).toBe(MISSING);
	});

	it('reads only finite numbers', () => {
		expect(toNumber(3)).toBe(3);
		expect(toNumber('3')).toBeNull();
		expect(toNumber(null)).toBeNull();
		expect(toNumber(Infinity)).toBeNull();
	});
});

describe('formatPoints', () => {
	it('shows shares in percentage points and scores in their own unit', () => {
		expect(formatPoints(0.012, 'share', 'en-GB')).toBe('+1.2');
		expect(formatPoints(-0.0012, 'p', 'en-GB')).toBe('−0.1');
		expect(formatPoints(0.25, 'per1000', 'en-GB')).toBe('+0.25');
		expect(formatPoints(-0.3, 'score', 'en-GB')).toBe('−0.30');
		expect(formatPoints(3, 'nps', 'en-GB')).toBe('+3.0');
		expect(formatPoints(0, 'share', 'en-GB')).toBe('0.0');
		expect(formatPoints(null, 'share', 'en-GB')).toBe(MISSING);
	});
});
