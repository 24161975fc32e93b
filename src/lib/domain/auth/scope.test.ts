import { describe, expect, it } from 'vitest';
import { assertWholeCompany, limitToScope, ScopeError, scopeQuery, withinScope } from './scope';
import { NO_SCOPE } from './user';

const EAST = { regions: ['华东'], models: [] };

describe('scopeQuery', () => {
	it('adds the scope as filters where the user set none, and leaves the other dimension alone', () => {
		expect(scopeQuery({ filters: { model: ['A'] } }, EAST)).toEqual({
			filters: { model: ['A'], region: ['华东'] },
			scope: EAST
		});
	});

	it('keeps only the values of a user filter inside the scope; none left is an empty list', () => {
		const scope = { regions: ['华东', '华南'], models: ['A'] };
		expect(scopeQuery({ filters: { region: ['华南', '西南'], model: ['B'] } }, scope).filters).toEqual({
			region: ['华南'],
			model: []
		});
	});

	it('changes nothing for the whole company, and nothing when applied twice', () => {
		const query = { from: '2025-01-01', filters: { region: ['西南'] } };
		expect(scopeQuery(query, NO_SCOPE)).toBe(query);
		const once = scopeQuery(query, EAST);
		expect(scopeQuery(once, EAST)).toEqual(once);
	});
});

describe('limitToScope', () => {
	it('refuses, for a scoped query, what cannot be filtered by a scoped dimension', () => {
		const run = () => limitToScope('surveys.x', ['model', 'channel'], { filters: {}, scope: EAST });
		expect(run).toThrow(ScopeError);
		expect(run).toThrow(/surveys\.x cannot be limited by region/);
	});

	it('limits what can be, and lets anything through for the whole company', () => {
		expect(limitToScope('m', ['region'], { filters: {}, scope: EAST }).filters).toEqual({ region: ['华东'] });
		expect(limitToScope('m', [], { filters: {} })).toEqual({ filters: {} });
	});

	it('whole-company material is refused to a scoped user only', () => {
		expect(() => assertWholeCompany(EAST, 'scope.auditPack')).toThrow(ScopeError);
		expect(() => assertWholeCompany(NO_SCOPE, 'scope.auditPack')).not.toThrow();
	});
});

describe('withinScope', () => {
	const EAST_AND_SOUTH = { regions: ['华东', '华南'], models: [] };

	it('shows everything to the whole company, and company-wide material only to it', () => {
		expect(withinScope(EAST, NO_SCOPE)).toBe(true);
		expect(withinScope(NO_SCOPE, NO_SCOPE)).toBe(true);
		expect(withinScope(NO_SCOPE, EAST)).toBe(false);
	});

	it('needs, on each dimension the viewer is limited on, a subset of the viewer’s values', () => {
		expect(withinScope(EAST, EAST_AND_SOUTH)).toBe(true);
		expect(withinScope(EAST_AND_SOUTH, EAST)).toBe(false);
		// Limited further on a dimension the viewer is not limited on: still within.
		expect(withinScope({ regions: ['华东'], models: ['A'] }, EAST)).toBe(true);
		// The viewer limited on models too: a report limited on regions only covers other models.
		expect(withinScope(EAST, { regions: ['华东'], models: ['A'] })).toBe(false);
	});
});
