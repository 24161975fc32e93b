/**
 * Stored reports and schedules under a scope (migration 10): a report keeps the scope it was made
 * under and is listed and served only to users whose scope holds it — to others it is not found,
 * exactly like an unknown id; a schedule runs under its owner's scope as it is at the run, not at all
 * once the owner is disabled, and is seen only by users whose scope holds its reports.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_SCOPE, type UserScope } from '../../src/lib/domain/auth/user';
import type { GenerateReportRequest } from '../../src/lib/domain/reports/api';
import { scheduleInputSchema } from '../../src/lib/domain/reports/schedule';
import { addUser, setDisabled, updateUser } from '../../src/lib/server/auth/users';
import { Database } from '../../src/lib/server/db/connection';
import { importFile } from '../../src/lib/server/ingest';
import { comparePage } from '../../src/lib/server/reports/page';
import { snapshotDownload } from '../../src/lib/server/reports/http';
import { generateReport } from '../../src/lib/server/reports/generate';
import { runDueSchedules } from '../../src/lib/server/reports/schedule-runner';
import { scheduleRuns } from '../../src/lib/server/reports/schedule-runs';
import {
	createSchedule,
	getSchedule,
	listSchedules,
	updateSchedule
} from '../../src/lib/server/reports/schedules';
import {
	getSnapshot,
	listSnapshots,
	snapshotBytes,
	snapshotFigures
} from '../../src/lib/server/reports/snapshots';
import { tempDatabase, type TempDatabase } from '../helpers/temp-db';

const EAST: UserScope = { regions: ['华东'], models: [] };
const SOUTH: UserScope = { regions: ['华南'], models: [] };
const EAST_AND_SOUTH: UserScope = { regions: ['华东', '华南'], models: [] };
const EAST_A: UserScope = { regions: ['华东'], models: ['A'] };
const REQUEST: GenerateReportRequest = { kind: 'monthly-review', format: 'html', lang: 'en', filters: {} };
const OPERATOR = { name: 'tester', origin: null };

let env: TempDatabase;

/** Repairs of October and November 2025 in two regions and two models. */
beforeAll(async () => {
	env = await tempDatabase();
	process.env.WORKBENCH_REPORTS = join(env.dir, 'reports');
	process.env.WORKBENCH_DELIVERY_FOLDERS = env.dir;
	delete process.env.WORKBENCH_TIMEZONE;
	const csv = join(env.dir, 'repairs.csv');
	const rows = Array.from({ length: 40 }, (_, i) => {
		const day = String((i % 27) + 1).padStart(2, '0');
		return `R${i},2025-${i % 2 ? 10 : 11}-${day} 09:00,${i % 3 ? 'A' : 'B'},${i % 4 ? '华东' : '华南'}`;
	});
	writeFileSync(csv, `维修单号,报修时间,产品型号,大区\n${rows.join('\n')}\n`);
	await importFile(env.db, csv, { kind: 'repair' });
}, 60_000);
afterAll(() => {
	delete process.env.WORKBENCH_REPORTS;
	delete process.env.WORKBENCH_DELIVERY_FOLDERS;
	env.remove();
});

const generate = (scope: UserScope) => generateReport(env.db, REQUEST, { actor: 'tester', scope });
const ids = async (viewer: UserScope) => (await listSnapshots(env.db, viewer)).map((s) => s.id).sort();
const failure = (run: Promise<unknown>) =>
	run.then(
		() => expect.unreachable('should have been refused'),
		(error: { status?: number; message: string }) => ({ status: error.status, message: error.message })
	);

describe('stored reports under a scope', () => {
	let made: Record<'whole' | 'east' | 'eastA' | 'both', string>;
	beforeAll(async () => {
		made = {
			whole: (await generate(NO_SCOPE)).id,
			east: (await generate(EAST)).id,
			eastA: (await generate(EAST_A)).id,
			both: (await generate(EAST_AND_SOUTH)).id
		};
	}, 60_000);

	it('keeps the scope each report was generated under', async () => {
		expect((await getSnapshot(env.db, made.whole, NO_SCOPE)).scope).toEqual(NO_SCOPE);
		expect((await getSnapshot(env.db, made.eastA, NO_SCOPE)).scope).toEqual(EAST_A);
		const stored = await env.db.query(
			`SELECT scope_regions, scope_models FROM report_snapshots WHERE id = $1`,
			[made.east]
		);
		// An unlimited dimension is stored as NULL, as the reports made before migration 10 are.
		expect(stored).toEqual([{ scope_regions: ['华东'], scope_models: null }]);
	});

	it('lists to each user the reports whose scope lies within theirs', async () => {
		expect(await ids(NO_SCOPE)).toEqual(Object.values(made).sort());
		expect(await ids(EAST)).toEqual([made.east, made.eastA].sort());
		expect(await ids(EAST_AND_SOUTH)).toEqual([made.east, made.eastA, made.both].sort());
		expect(await ids(EAST_A)).toEqual([made.eastA]);
		expect(await ids(SOUTH)).toEqual([]);
	});

	it('answers a report outside the scope exactly as an unknown id, in every read', async () => {
		const unknown = await failure(getSnapshot(env.db, 'RPT-999999', EAST));
		expect(unknown.status).toBe(404);
		const asUnknown = (id: string) => ({ ...unknown, message: unknown.message.replaceAll('RPT-999999', id) });
		for (const id of [made.whole, made.both]) {
			expect(await failure(getSnapshot(env.db, id, EAST))).toEqual(asUnknown(id));
			expect(await failure(snapshotBytes(env.db, id, EAST))).toEqual(asUnknown(id));
			expect(await failure(snapshotFigures(env.db, id, EAST))).toEqual(asUnknown(id));
		}
		// The download is refused before it is audited: the log holds no trace of the attempt.
		const source = { actor: 'east', origin: null };
		expect(await failure(snapshotDownload(env.db, made.whole, source, EAST))).toEqual(asUnknown(made.whole));
		const downloads = () => env.db.query(`SELECT entity_id FROM audit_log WHERE action = 'report.download'`);
		expect(await downloads()).toEqual([]);
		const served = await snapshotDownload(env.db, made.east, source, EAST);
		expect(served.headers.get('x-content-sha256')).toBe((await getSnapshot(env.db, made.east, EAST)).sha256);
		expect(await downloads()).toEqual([{ entity_id: made.east }]);
		// The compare page: a 404 for the report outside the scope, as for an unknown one.
		const compare = (a: string) => failure(comparePage(env.db, a, made.east, 'en', EAST));
		expect((await compare(made.whole)).status).toBe(404);
		expect((await compare('RPT-999999')).status).toBe(404);
	});
});

describe('report schedules under their owner’s scope', () => {
	const at = (iso: string) => new Date(iso);
	/** Made on 1 January 2026; due on the 3rd at 08:00 Shanghai time (00:00 UTC) of each month. */
	const MADE = at('2026-01-01T00:00:00Z');
	// Each schedule delivers to a folder of its own (a schedule needs a delivery); the rest is defaults.
	const owned = (folder: string) =>
		scheduleInputSchema.parse({
			kind: 'monthly-review',
			formats: ['html'],
			lang: 'en',
			day: 3,
			time: '08:00',
			folder: join(env.dir, folder)
		});

	it('runs under the owner’s scope as it is at each run, and not once the owner is disabled', async () => {
		const owner = await addUser(
			env.db,
			{ name: 'east', role: 'analyst', scope: EAST, password: 'correct horse 1' },
			OPERATOR
		);
		const s = await createSchedule(env.db, owned('east'), owner, MADE);
		expect(s).toMatchObject({ owner: 'east', ownerDisabled: false, scope: EAST });

		const [january] = await runDueSchedules(env.db, at('2026-01-03T00:01:00Z'));
		expect(january).toMatchObject({ scheduleId: s.id, outcome: 'ok' });
		const first = await getSnapshot(env.db, january.reportIds[0], EAST);
		expect(first.scope).toEqual(EAST);
		expect((await snapshotBytes(env.db, first.id, EAST)).bytes.toString('utf8')).toContain('Regions: 华东');

		// The owner's scope narrowed to other regions: the next run follows it.
		await updateUser(env.db, owner, { role: 'analyst', scope: SOUTH }, OPERATOR);
		const [february] = await runDueSchedules(env.db, at('2026-02-03T00:01:00Z'));
		expect((await getSnapshot(env.db, february.reportIds[0], SOUTH)).scope).toEqual(SOUTH);

		await setDisabled(env.db, owner, true, OPERATOR);
		const [march] = await runDueSchedules(env.db, at('2026-03-03T00:01:00Z'));
		expect(march).toMatchObject({ outcome: 'failed', reportIds: [] });
		expect(march.error).toContain('The owner of this schedule, east, is disabled');
		expect(await getSchedule(env.db, s.id, NO_SCOPE)).toMatchObject({ owner: 'east', ownerDisabled: true });
		expect((await scheduleRuns(env.db, s.id)).map((r) => r.outcome)).toEqual(['failed', 'ok', 'ok']);
	});

	it('is seen and changed only by users whose scope holds its reports', async () => {
		const owner = await addUser(
			env.db,
			{ name: 'south', role: 'analyst', scope: SOUTH, password: 'correct horse 2' },
			OPERATOR
		);
		const other = await addUser(
			env.db,
			{ name: 'east2', role: 'analyst', scope: EAST, password: 'correct horse 3' },
			OPERATOR
		);
		const theirs = await createSchedule(env.db, owned('south'), owner, MADE);
		const operators = await createSchedule(env.db, owned('cli'), 'cli', MADE);
		expect(operators).toMatchObject({ owner: null, scope: NO_SCOPE });

		const listed = async (viewer: UserScope) => (await listSchedules(env.db, viewer, MADE)).map((s) => s.id);
		expect(await listed(NO_SCOPE)).toEqual(expect.arrayContaining([theirs.id, operators.id]));
		expect(await listed(SOUTH)).toContain(theirs.id);
		expect(await listed(SOUTH)).not.toContain(operators.id);
		expect(await listed(EAST)).not.toContain(theirs.id);
		expect(await listed(EAST_AND_SOUTH)).toContain(theirs.id);

		const unknown = await failure(getSchedule(env.db, 999, EAST));
		const hidden = await failure(getSchedule(env.db, theirs.id, EAST));
		expect(hidden).toEqual({ ...unknown, message: unknown.message.replaceAll('999', String(theirs.id)) });
		expect((await failure(updateSchedule(env.db, theirs.id, { enabled: false }, other, MADE))).status).toBe(
			404
		);
		expect((await getSchedule(env.db, theirs.id, SOUTH)).enabled).toBe(true);
		// Changed by another user it may see, a schedule keeps its owner, and so its scope.
		const changed = await updateSchedule(env.db, theirs.id, { day: 4 }, 'cli', MADE);
		expect(changed).toMatchObject({ day: 4, owner: 'south', scope: SOUTH });
	});
});

describe('migration 10', () => {
	it('leaves the reports and schedules made before it company-wide', async () => {
		const path = join(env.dir, 'v9.duckdb');
		const old = await Database.open(path);
		try {
			// Back to schema 9, then rows written as the code of then wrote them.
			await old.write(async (conn) => {
				await conn.run(`ALTER TABLE report_snapshots DROP COLUMN scope_regions`);
				await conn.run(`ALTER TABLE report_snapshots DROP COLUMN scope_models`);
				await conn.run(`ALTER TABLE report_schedules DROP COLUMN owner_id`);
				await conn.run(`DELETE FROM schema_migrations WHERE version = 10`);
				await conn.run(`INSERT INTO report_snapshots VALUES ('RPT-000001', 'monthly-review', 'html', 'en',
					'2025-11', '{}', NULL, 'r.html', 'abc', 3, '{}', '2025-12-01 00:00:00', 'web')`);
				await conn.run(`INSERT INTO report_schedules VALUES (1, 'monthly-review', '["html"]', 'en', '{}', 3,
					'08:00', true, '/tmp/x', '[]', '2026-01-01', '2026-01-01', '2026-01-01')`);
			});
		} finally {
			old.close();
		}
		const upgraded = await Database.open(path);
		try {
			expect((await getSnapshot(upgraded, 'RPT-000001', NO_SCOPE)).scope).toEqual(NO_SCOPE);
			expect(await listSnapshots(upgraded, EAST)).toEqual([]);
			expect(await getSchedule(upgraded, 1, NO_SCOPE)).toMatchObject({ owner: null, scope: NO_SCOPE });
			expect(await listSchedules(upgraded, EAST)).toEqual([]);
		} finally {
			upgraded.close();
		}
	});
});
