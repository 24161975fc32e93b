import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MetricQueryError } from '$lib/server/metrics/errors';
import { overviewQuery, pageQuery, parseMetricQuery } from './metric-query';

const search = (query: string) => new URLSearchParams(query);
const url = (query: string) => new URL(`http://localhost/defects?${query}`);
const EN = { locale: 'en', user: null } as const;

/** The status and message of what `run` threw (SvelteKit's error() throws an HttpError). */
function thrown(run: () => unknown): { status?: number; message?: string } {
	try {
		run();
	} catch (e) {
		const error = e as { status?: number; body?: { message?: string } };
		return { status: error.status, message: error.body?.message };
	}
	throw new Error('nothing thrown');
}

describe('parseMetricQuery', () => {
	it('reads dates, the dimension and repeated filters', () => {
		expect(
			parseMetricQuery(search('from=2024-01-01&to=2024-02-29&by=region&model=A&model=B&region='), null)
		).toEqual({ from: '2024-01-01', to: '2024-02-29', by: 'region', filters: { model: ['A', 'B'] } });
	});

	it('refuses a date of the wrong form as a malformed query', () => {
		const run = () => parseMetricQuery(search('from=2024-1-1'), null);
		expect(run).toThrow(z.ZodError);
		expect(run).toThrow('a date YYYY-MM-DD');
	});

	it('refuses a day that does not exist as the registry does', () => {
		const run = () => parseMetricQuery(search('to=2024-02-30'), null);
		expect(run).toThrow(MetricQueryError);
		expect(run).toThrow('--to must be a date YYYY-MM-DD, got "2024-02-30"');
	});

	it('reports the form first when one date is malformed and the other does not exist', () => {
		expect(() => parseMetricQuery(search('from=2024-13-01&to=x'), null)).toThrow(z.ZodError);
	});
});

describe('pageQuery', () => {
	it('answers a bad query with a 400 in the page language', () => {
		expect(thrown(() => pageQuery(url('from=2024-13-01'), EN))).toEqual({
			status: 400,
			message: 'Invalid filters: from: no such date "2024-13-01"'
		});
		expect(thrown(() => pageQuery(url('to=soon'), EN))).toEqual({
			status: 400,
			message: 'Invalid filters: : a date YYYY-MM-DD'
		});
		expect(thrown(() => pageQuery(url('colour=red'), EN)).message).toMatch(
			/^Invalid filters: colour: unknown parameter; use from, to, by, model/
		);
	});
});

describe('overviewQuery', () => {
	it('reads a month up to its last day', () => {
		expect(overviewQuery(url('month=2024-02&from=2023-01-01'), EN)).toEqual({
			month: '2024-02',
			query: { from: undefined, to: '2024-02-29', by: undefined, filters: {} }
		});
	});

	it('refuses a month of another form', () => {
		expect(thrown(() => overviewQuery(url('month=2024-13'), EN))).toEqual({
			status: 400,
			message: 'Invalid filters: month: YYYY-MM, got "2024-13"'
		});
	});
});

describe('a scoped user', () => {
	const user = { id: 7, name: 'east', role: 'viewer' as const, scope: { regions: ['华东'], models: [] } };

	it('gets the scope as filters, and keeps only the values of their own filters inside it', () => {
		expect(parseMetricQuery(search('model=A'), user)).toEqual({
			from: undefined,
			to: undefined,
			by: undefined,
			filters: { model: ['A'], region: ['华东'] },
			scope: user.scope
		});
		expect(parseMetricQuery(search('region=华东&region=华南'), user).filters.region).toEqual(['华东']);
	});

	it('filtering outside the scope leaves an empty filter (nothing), not the whole company', () => {
		expect(parseMetricQuery(search('region=华南'), user).filters.region).toEqual([]);
		expect(pageQuery(url('region=华南'), { locale: 'en', user }).filters.region).toEqual([]);
	});
});
