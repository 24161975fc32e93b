/**
 * Due times of monthly schedules: "day D at HH:MM" in an IANA time zone, turned into instants with
 * Intl alone. Day 31 in a shorter month means its last day; a wall time that does not exist (the hour
 * skipped when DST starts) falls on the same offset-shifted instant later, one that exists twice (DST
 * ends) on its second occurrence, so each month has exactly one due instant.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
	let f = formatters.get(zone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric'
		});
		formatters.set(zone, f);
	}
	return f;
}

/** True when Intl knows the zone (what WORKBENCH_TIMEZONE must name). */
export function isTimeZone(zone: string): boolean {
	try {
		formatter(zone);
		return true;
	} catch {
		return false;
	}
}

interface WallTime {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

/** The wall-clock time in `zone` at an instant. */
export function wallTime(instant: Date, zone: string): WallTime {
	const parts: Record<string, number> = {};
	for (const p of formatter(zone).formatToParts(instant))
		if (p.type !== 'literal') parts[p.type] = Number(p.value);
	return {
		year: parts.year,
		month: parts.month,
		day: parts.day,
		hour: parts.hour,
		minute: parts.minute,
		second: parts.second
	};
}

const asUtc = (w: WallTime) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

/** How far the zone's clock is ahead of UTC at an instant, in ms. */
function offsetAt(ms: number, zone: string): number {
	const whole = ms - (((ms % 1000) + 1000) % 1000);
	return asUtc(wallTime(new Date(whole), zone)) - whole;
}

/** The instant a wall time in `zone` names (see the top comment for skipped and repeated hours). */
export function zonedInstant(w: WallTime, zone: string): Date {
	const guess = asUtc(w);
	const first = offsetAt(guess, zone);
	const second = offsetAt(guess - first, zone);
	return new Date(guess - second);
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** 'HH:MM' → hours and minutes. */
function clock(time: string): { hour: number; minute: number } {
	const [hour, minute] = time.split(':').map(Number);
	return { hour, minute };
}

/** The due instant of a schedule in the month `year-month` (1-based). */
function dueIn(year: number, month: number, day: number, time: string, zone: string): Date {
	const { hour, minute } = clock(time);
	return zonedInstant(
		{ year, month, day: Math.min(day, daysIn(year, month)), hour, minute, second: 0 },
		zone
	);
}

/** The first due instant strictly after `after` for "day `day` at `time`" in `zone`. */
export function nextDue(day: number, time: string, zone: string, after: Date): Date {
	const local = wallTime(after, zone);
	// The due time of the current local month may already have passed; the next month's has not.
	for (let step = 0; ; step++) {
		const index = local.month - 1 + step;
		const due = dueIn(local.year + Math.floor(index / 12), (index % 12) + 1, day, time, zone);
		if (due.getTime() > after.getTime()) return due;
	}
}

/**
 * The latest due instant in (after, upTo], or null: the one run a schedule owes when the server was
 * down over several due times (the earlier ones are not run: their month is reported by the latest).
 */
export function latestDue(day: number, time: string, zone: string, after: Date, upTo: Date): Date | null {
	let latest: Date | null = null;
	for (let due = nextDue(day, time, zone, after); due <= upTo; due = nextDue(day, time, zone, due))
		latest = due;
	return latest;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD HH:MM' as the clock in `zone` reads at the instant. */
export function localStamp(instant: Date, zone: string): string {
	const w = wallTime(instant, zone);
	return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
}
