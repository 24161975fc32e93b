import { describe, expect, it } from 'vitest';
import { hostAllowed, originAllowed, secureHeaders } from './guard';

describe('hostAllowed', () => {
	it('accepts only the host of ORIGIN (and the extra names) when ORIGIN is set', () => {
		const origin = 'http://quality.example.cn:3000';
		expect(hostAllowed('quality.example.cn:3000', origin, [])).toBe(true);
		expect(hostAllowed('QUALITY.example.cn:3000', origin, [])).toBe(true);
		expect(hostAllowed('quality.example.cn:3001', origin, [])).toBe(false);
		expect(hostAllowed('evil.example', origin, [])).toBe(false);
		expect(hostAllowed('proxy.internal', origin, ['proxy.internal'])).toBe(true);
		expect(hostAllowed(null, origin, [])).toBe(false);
	});

	it('accepts only loopback names without ORIGIN (DNS rebinding)', () => {
		expect(hostAllowed('127.0.0.1:3000', undefined, [])).toBe(true);
		expect(hostAllowed('localhost:5173', undefined, [])).toBe(true);
		expect(hostAllowed('[::1]:3000', undefined, [])).toBe(true);
		expect(hostAllowed('attacker.example:3000', undefined, [])).toBe(false);
		expect(hostAllowed('192.168.1.20:3000', undefined, [])).toBe(false);
	});
});

describe('originAllowed', () => {
	const own = 'http://127.0.0.1:3000';
	it('refuses a state-changing request from another site, allows reads and non-browser clients', () => {
		expect(originAllowed('POST', 'https://evil.example', own)).toBe(false);
		expect(originAllowed('PUT', 'null', own)).toBe(false);
		expect(originAllowed('DELETE', own, own)).toBe(true);
		expect(originAllowed('POST', null, own)).toBe(true);
		expect(originAllowed('GET', 'https://evil.example', own)).toBe(true);
	});
});

describe('secureHeaders', () => {
	it('adds nosniff, referrer policy, no framing, and a closed policy where none is set', () => {
		const headers = new Headers();
		secureHeaders(headers);
		expect(headers.get('x-content-type-options')).toBe('nosniff');
		expect(headers.get('referrer-policy')).toBe('same-origin');
		expect(headers.get('x-frame-options')).toBe('DENY');
		expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
		const page = new Headers({ 'content-security-policy': "script-src 'self'" });
		secureHeaders(page);
		expect(page.get('content-security-policy')).toBe("script-src 'self'");
	});
});
