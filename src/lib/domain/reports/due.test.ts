import { describe, expect, it } from 'vitest';
import { isTimeZone, latestDue, localStamp, nextDue } from './due';

const at = (iso: string) => new Date(iso);
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('nextDue', () => {
	it('reads day and time in Asia/Shanghai (UTC+8, no DST)', () => {
		expect(iso(nextDue(3, '08:00', 'Asia/Shanghai', at('2026-01-01T00:00:00Z')))).toBe(
			'2026-01-03T00:00:00.000Z'
		);
		// Exactly at the due instant: the next one is a month later.
		expect(iso(nextDue(3, '08:00', 'Asia/Shanghai', at('2026-01-03T00:00:00Z')))).toBe(
			'2026-02-03T00:00:00.000Z'
		);
		// 2 Jan 23:30 UTC is already 3 Jan 07:30 in Shanghai: due half an hour later.
		expect(iso(nextDue(3, '08:00', 'Asia/Shanghai', at('2026-01-02T23:30:00Z')))).toBe(
			'2026-01-03T00:00:00.000Z'
		);
		expect(iso(nextDue(3, '08:00', 'Asia/Shanghai', at('2026-12-05T00:00:00Z')))).toBe(
			'2027-01-03T00:00:00.000Z'
		);
	});

	it('takes the last day of a month shorter than the day asked', () => {
		const zone = 'Asia/Shanghai';
		expect(iso(nextDue(31, '09:00', zone, at('2026-02-01T00:00:00Z')))).toBe('2026-02-28T01:00:00.000Z');
		expect(iso(nextDue(31, '09:00', zone, at('2028-02-01T00:00:00Z')))).toBe('2028-02-29T01:00:00.000Z');
		expect(iso(nextDue(31, '09:00', zone, at('2026-04-01T00:00:00Z')))).toBe('2026-04-30T01:00:00.000Z');
		expect(iso(nextDue(31, '09:00', zone, at('2026-04-30T01:00:00Z')))).toBe('2026-05-31T01:00:00.000Z');
		expect(iso(nextDue(30, '09:00', zone, at('2026-02-28T02:00:00Z')))).toBe('2026-03-30T01:00:00.000Z');
	});

	it('follows daylight saving time in Europe/Berlin', () => {
		const zone = 'Europe/Berlin';
		expect(iso(nextDue(3, '08:00', zone, at('2026-01-01T00:00:00Z')))).toBe('2026-01-03T07:00:00.000Z');
		expect(iso(nextDue(3, '08:00', zone, at('2026-07-01T00:00:00Z')))).toBe('2026-07-03T06:00:00.000Z');
		// 29 March 2026 02:30 does not exist (clocks jump 02:00 → 03:00): it runs at 03:30 CEST.
		expect(iso(nextDue(29, '02:30', zone, at('2026-03-01T00:00:00Z')))).toBe('2026-03-29T01:30:00.000Z');
		// 25 October 2026 02:30 happens twice: it runs once, on the second (CET).
		expect(iso(nextDue(25, '02:30', zone, at('2026-10-01T00:00:00Z')))).toBe('2026-10-25T01:30:00.000Z');
		expect(iso(nextDue(25, '02:30', zone, at('2026-10-25T01:30:00Z')))).toBe('2026-11-25T01:30:00.000Z');
	});

	it('works west of UTC, where the local month starts after the UTC one', () => {
		// 1 March 03:00 UTC is still 28 February in New York.
		expect(iso(nextDue(1, '00:30', 'America/New_York', at('2026-03-01T03:00:00Z')))).toBe(
			'2026-03-01T05:30:00.000Z'
		);
	});
});

describe('latestDue', () => {
	it('is the latest due instant after the last run, up to now, or none', () => {
		const zone = 'Asia/Shanghai';
		expect(iso(latestDue(3, '08:00', zone, at('2026-01-01T00:00:00Z'), at('2026-04-10T00:00:00Z')))).toBe(
			'2026-04-03T00:00:00.000Z'
		);
		expect(
			iso(latestDue(3, '08:00', zone, at('2026-04-03T00:00:00Z'), at('2026-04-10T00:00:00Z')))
		).toBeNull();
		expect(iso(latestDue(3, '08:00', zone, at('2026-01-01T00:00:00Z'), at('2026-01-03T00:00:00Z')))).toBe(
			'2026-01-03T00:00:00.000Z'
		);
	});
});

describe('zones', () => {
	it('knows IANA zones and prints the local clock', () => {
		expect(isTimeZone('Asia/Shanghai')).toBe(true);
		expect(isTimeZone('Mars/Olympus')).toBe(false);
		expect(localStamp(at('2026-01-03T00:00:00Z'), 'Asia/Shanghai')).toBe('2026-01-03 08:00');
		expect(localStamp(at('2026-07-03T06:00:00Z'), 'Europe/Berlin')).toBe('2026-07-03 08:00');
	});
});
