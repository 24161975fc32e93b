/**
 * Wall-clock time as whole minutes since 1970-01-01 00:00, computed in UTC so the output never depends
 * on the machine's time zone. "Month index" counts months from 2022-01 (= 0).
 */

export const MIN_PER_HOUR = 60;
export const MIN_PER_DAY = 1440;
export const DAYS_PER_MONTH = 30.4375;

export const FIRST_YEAR = 2022;
/** Sales start 2022-01, service records 2023-01; everything ends 2025-12. */
export const SALES_MONTHS = 48;
export const SERVICE_FIRST_MONTH = 12;

export function at(y: number, m: number, d: number, hh = 0, mm = 0): number {
	return Date.UTC(y, m - 1, d, hh, mm) / 60000;
}

export const SERVICE_START = at(2023, 1, 1);
export const DATA_END = at(2026, 1, 1); // exclusive

export interface Parts {
	y: number;
	m: number;
	d: number;
	hh: number;
	mm: number;
}

export function parts(t: number): Parts {
	const x = new Date(t * 60000);
	return {
		y: x.getUTCFullYear(),
		m: x.getUTCMonth() + 1,
		d: x.getUTCDate(),
		hh: x.getUTCHours(),
		mm: x.getUTCMinutes()
	};
}

export function yearMonth(mi: number): { y: number; m: number } {
	return { y: FIRST_YEAR + Math.floor(mi / 12), m: (mi % 12) + 1 };
}

export function monthStart(mi: number): number {
	const { y, m } = yearMonth(mi);
	return at(y, m, 1);
}

export function daysInMonth(mi: number): number {
	return (monthStart(mi + 1) - monthStart(mi)) / MIN_PER_DAY;
}

export function monthOf(t: number): number {
	const p = parts(t);
	return (p.y - FIRST_YEAR) * 12 + p.m - 1;
}

/** Calendar month 1–12 of a month index. */
export function calMonth(mi: number): number {
	return (mi % 12) + 1;
}

export function startOfDay(t: number): number {
	return Math.floor(t / MIN_PER_DAY) * MIN_PER_DAY;
}

const p2 = (n: number) => String(n).padStart(2, '0');

/** 2025/6/3 14:05 */
export const fmtSlashTime = (t: number) => {
	const p = parts(t);
	return `${p.y}/${p.m}/${p.d} ${p2(p.hh)}:${p2(p.mm)}`;
};
/** 2025/6/3 */
export const fmtSlashDate = (t: number) => {
	const p = parts(t);
	return `${p.y}/${p.m}/${p.d}`;
};
/** 2025年6月3日 */
export const fmtCnDate = (t: number) => {
	const p = parts(t);
	return `${p.y}年${p.m}月${p.d}日`;
};
/** 2025-06-03 */
export const fmtIsoDate = (t: number) => {
	const p = parts(t);
	return `${p.y}-${p2(p.m)}-${p2(p.d)}`;
};
/** 2025-06-03 14:05 */
export const fmtIsoMinute = (t: number) => {
	const p = parts(t);
	return `${fmtIsoDate(t)} ${p2(p.hh)}:${p2(p.mm)}`;
};
/** 2025-06-03 14:05:00 */
export const fmtIsoSeconds = (t: number) => `${fmtIsoMinute(t)}:00`;
/** 2025年6月 */
export const fmtCnMonth = (mi: number) => {
	const { y, m } = yearMonth(mi);
	return `${y}年${m}月`;
};
/** 2025-06 */
export const fmtYm = (mi: number) => {
	const { y, m } = yearMonth(mi);
	return `${y}-${p2(m)}`;
};
/** yyyymmdd, for ids */
export const fmtCompact = (t: number) => fmtIsoDate(t).replaceAll('-', '');
