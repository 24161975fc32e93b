/**
 * Per-user scope on the demo data: a user limited to some regions and models sees, in every metric
 * family, the records and a report, exactly what an explicit filter on those regions and models shows —
 * and nothing when their own filter lies outside the scope; whole-company material is refused.
 */
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { ScopeError, scopeQuery } from '../../src/lib/domain/auth/scope';
import { NO_SCOPE, type UserScope } from '../../src/lib/domain/auth/user';
import type { MetricQuery } from '../../src/lib/domain/metrics/query';
import { infoMap } from '../../src/lib/server/metrics/blocks';
import { recordsArrow } from '../../src/lib/server/metrics/records';
import { runMetric } from '../../src/lib/server/metrics/registry';
import { kpiSparklines } from '../../src/lib/server/metrics/sparklines';
import { generateReport } from '../../src/lib/server/reports/generate';
import { snapshotBytes, snapshotFigures } from '../../src/lib/server/reports/snapshots';
import { useDemoReports } from '../helpers/demo-reports';

const env = useDemoReports();

const SCOPE: UserScope = { regions: ['华东', '西南'], models: ['KFR-35GW', 'BCD-450W'] };
/** The same limits as an explicit filter, which the metrics have always honoured. */
const AS_FILTERS = { region: SCOPE.regions, model: SCOPE.models };
const WINDOW = { from: '2024-01-01', to: '2025-11-30' };

const rows = async (id: string, query: MetricQuery) => (await runMetric(env.db, id, query)).rows;

/** One metric per family (and the overview's), each with a window it reads. */
const FAMILIES: [family: string, id: string, query: Omit<MetricQuery, 'filters'>][] = [
	['defects', 'defects.monthly', WINDOW],
	['defects', 'defects.pareto', WINDOW],
	['warranty', 'warranty.weibull', { to: WINDOW.to }],
	['repairs', 'repairs.turnaround', WINDOW],
	['cost', 'cost.monthly', WINDOW],
	['cost', 'cost.drivers', WINDOW],
	['returns', 'returns.monthly', WINDOW],
	['complaints', 'complaints.sla', WINDOW],
	['complaints', 'complaints.escalations', WINDOW],
	['satisfaction', 'satisfaction.monthly', WINDOW],
	['overview', 'overview.kpis', { to: WINDOW.to }],
	['overview', 'signals', { to: WINDOW.to }]
];

describe('a scoped user', () => {
	it.each(FAMILIES)('%s: %s shows the scope only, as an explicit filter would', async (_, id, window) => {
		const scoped = await rows(id, scopeQuery({ ...window, filters: {} }, SCOPE));
		const filtered = await rows(id, { ...window, filters: AS_FILTERS });
		const whole = await rows(id, { ...window, filters: {} });
		expect(scoped).toEqual(filtered);
		// The scope changes the figures: the comparison above proves something.
		expect(scoped).not.toEqual(whole);
	});

	it.each(FAMILIES)('%s: %s with a filter outside the scope is empty, not widened', async (_, id, window) => {
		const outside = await rows(id, scopeQuery({ ...window, filters: { region: ['华北'] } }, SCOPE));
		const nothing = await rows(id, { ...window, filters: { region: ['(no such region)'] } });
		expect(outside).toEqual(nothing);
		expect(outside).not.toEqual(await rows(id, { ...window, filters: { region: ['华北'] } }));
	});

	it('is applied by the registry even when a caller dropped the filters but kept the scope', async () => {
		const dropped = await rows('defects.pareto', { ...WINDOW, filters: {}, scope: SCOPE });
		expect(dropped).toEqual(await rows('defects.pareto', { ...WINDOW, filters: AS_FILTERS }));
	});

	it('limits the overview sparklines', async () => {
		const infos = await infoMap();
		const kpis = await rows('overview.kpis', scopeQuery({ to: WINDOW.to, filters: {} }, SCOPE));
		const typed = kpis as unknown as Parameters<typeof kpiSparklines>[2];
		const scoped = await kpiSparklines(env.db, infos, typed, { filters: {}, scope: SCOPE });
		const filtered = await kpiSparklines(env.db, infos, typed, { filters: AS_FILTERS });
		expect(scoped).toEqual(filtered);
		expect(scoped).not.toEqual(await kpiSparklines(env.db, infos, typed, { filters: {} }));
	});

	it('gets only records inside the scope, and none for a filter outside it', async () => {
		const page = { limit: 200_000, offset: 0 };
		for (const table of ['repairs', 'returns', 'complaints', 'surveys', 'sales']) {
			const scoped = tableFromIPC(await recordsArrow(env.db, table, { filters: {}, scope: SCOPE }, page));
			const filtered = tableFromIPC(await recordsArrow(env.db, table, { filters: AS_FILTERS }, page));
			const whole = tableFromIPC(await recordsArrow(env.db, table, { filters: {} }, page));
			expect(scoped.numRows, table).toBe(filtered.numRows);
			expect(scoped.numRows, table).toBeGreaterThan(0);
			expect(scoped.numRows, table).toBeLessThan(whole.numRows);
			const regions = new Set<string>(scoped.getChild('region')!.toArray());
			expect(
				[...regions].every((r) => SCOPE.regions.includes(r)),
				table
			).toBe(true);
			const outside = scopeQuery({ filters: { model: ['XQG100'] } }, SCOPE);
			expect(tableFromIPC(await recordsArrow(env.db, table, outside, page)).numRows, table).toBe(0);
		}
	});

	it('generates a report with the scoped figures and says its scope on the cover', async () => {
		const request = {
			kind: 'complaint-analysis' as const,
			format: 'html' as const,
			lang: 'en' as const,
			period: '2025-11',
			filters: {}
		};
		const now = new Date('2026-01-10T08:00:00Z');
		const scoped = await generateReport(env.db, request, { actor: 'east', scope: SCOPE, now });
		const filtered = await generateReport(
			env.db,
			{ ...request, filters: AS_FILTERS },
			{ actor: 'east', now }
		);
		const whole = await generateReport(env.db, request, { actor: 'east', now });
		const sections = async (id: string) => (await snapshotFigures(env.db, id, NO_SCOPE)).sections;
		expect(await sections(scoped.id)).toEqual(await sections(filtered.id));
		expect(await sections(scoped.id)).not.toEqual(await sections(whole.id));
		const html = (await snapshotBytes(env.db, scoped.id, NO_SCOPE)).bytes.toString('utf8');
		expect(html).toContain('Scope');
		expect(html).toContain('Regions: 华东, 西南; Models: KFR-35GW, BCD-450W');
		expect((await snapshotBytes(env.db, whole.id, NO_SCOPE)).bytes.toString('utf8')).not.toContain(
			'Regions: '
		);
	});

	it('cannot generate the company-wide GB/T 27922 audit pack', async () => {
		const run = generateReport(
			env.db,
			{ kind: 'gbt27922', format: 'html', lang: 'en', assessmentId: 1, filters: {} },
			{ actor: 'east', scope: { regions: ['华东'], models: [] } }
		);
		await expect(run).rejects.toThrow(ScopeError);
		await expect(run).rejects.toThrow(/audit pack covers the whole company/);
	});
});
