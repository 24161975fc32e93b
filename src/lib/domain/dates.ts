import { z } from 'zod';

/** Is this a calendar day written YYYY-MM-DD that exists (2025-02-30 does not)? */
export function isCalendarDay(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The one schema for a day in a request, a query string or a file: YYYY-MM-DD that exists. */
export const daySchema = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
	.refine(isCalendarDay, 'no such date');
