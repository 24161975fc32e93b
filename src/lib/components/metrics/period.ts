/**
 * The filter bar's period presets as from/to days. They count back from the data's latest day (or
 * today, if that is earlier or there is no data), so "the last 12 complete months" of a database
 * whose exports end in June 2024 are July 2023 – June 2024, not a year of empty months.
 */

export const PRESETS = ['last12', 'thisYear', 'lastYear'] as const;
export type Preset = (typeof PRESETS)[number];
/** What the period control shows: a preset, all dates, or days the user chose. */
export type PeriodChoice = Preset | 'all' | 'custom';

export interface Period {
	from: string;
	to: string;
}

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);

/** The day the presets count back from: the earlier of the latest data day and today. */
export function presetAnchor(latest: string | null, today: string): string {
	return latest && latest < today ? latest : today;
}

/** A preset's inclusive days, counted back from `anchor` (YYYY-MM-DD). */
export function presetPeriod(preset: Preset, anchor: string): Period {
	const [y, m] = anchor.split('-').map(Number);
	switch (preset) {
		case 'thisYear':
			return { from: day(y, 1, 1), to: anchor };
		case 'lastYear':
			return { from: day(y - 1, 1, 1), to: day(y - 1, 12, 31) };
		case 'last12': {
			// The anchor's month counts as complete only on its last day.
			const last = day(y, m + 1, 0) === anchor ? m : m - 1;
			return { from: day(y, last - 11, 1), to: day(y, last + 1, 0) };
		}
	}
}

/** Which choice a from/to pair is: the preset it equals, all dates when neither is set, else custom. */
export function periodChoice(from: string | null, to: string | null, anchor: string): PeriodChoice {
	if (!from && !to) return 'all';
	return (
		PRESETS.find((p) => {
			const period = presetPeriod(p, anchor);
			return period.from === from && period.to === to;
		}) ?? 'custom'
	);
}
