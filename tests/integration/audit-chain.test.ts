import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssessment } from '../../src/lib/server/assessment/assessments';
import { readAudit } from '../../src/lib/server/audit/log';
import { verifyAudit } from '../../src/lib/server/audit/verify';
import { Database } from '../../src/lib/server/db/connection';
import { importFile } from '../../src/lib/server/ingest';
import { PERIOD, smallCatalogue } from '../helpers/assessment';
import { tempDatabase } from '../helpers/temp-db';

const ROOT = join(import.meta.dirname, '../..');
let ctx: Awaited<ReturnType<typeof tempDatabase>>;

beforeAll(async () => {
	ctx = await tempDatabase();
	const csv = join(ctx.dir, 'repairs.csv');
	writeFileSync(
		csv,
		'维修单号,报修时间,产品型号\nR1,2025-10-03 09:00,KFR-35GW\nR2,2025-10-04 09:00,KFR-35GW\n'
	);
	await importFile(ctx.db, csv, { kind: 'repair', importedBy: 'tester' });
	await createAssessment(ctx.db, PERIOD, smallCatalogue(), 'tester');
	await createAssessment(ctx.db, { ...PERIOD, name: '第二次' }, smallCatalogue(), 'tester');
});
afterAll(() => ctx.remove());

const verify = () =>
	spawnSync(process.execPath, [join(ROOT, 'bin/workbench.js'), 'audit', 'verify'], {
		cwd: ROOT,
		env: { ...process.env, WORKBENCH_DB: ctx.path },
		encoding: 'utf8'
	});

describe('audit log hash chain', () => {
	it('logs imports with who and what, each entry linked to the one before', async () => {
		const [entry] = await readAudit(ctx.db, { entity: 'batch' });
		expect(entry).toMatchObject({ actor: 'tester', action: 'import.commit', entityId: '1' });
		expect(entry.detail).toMatchObject({ kind: 'repair', rows: 2, accepted: 2 });
		const whole = await verifyAudit(ctx.db);
		expect(whole).toMatchObject({ entries: 3, unchained: 0, broken: null, last: { id: 3 } });
		const [newest] = await ctx.db.query('SELECT hash FROM audit_log WHERE id = 3');
		expect(whole.last?.hash).toBe(newest.hash);
	});

	it('says from the CLI that the chain holds, with the newest entry’s hash to note elsewhere', async () => {
		const [newest] = await ctx.db.query('SELECT hash FROM audit_log WHERE id = 3');
		ctx.db.close();
		const r = verify();
		ctx.db = await Database.open(ctx.path);
		expect(r.status).toBe(0);
		expect(r.stdout).toContain('audit log intact: 3 entries');
		expect(r.stdout).toContain(`Newest entry 3, SHA-256 ${newest.hash}`);
	});

	it('names the first entry changed in place, and the one after an entry removed', async () => {
		await ctx.db.write((conn) => conn.run(`UPDATE audit_log SET actor = 'someone else' WHERE id = 2`));
		expect((await verifyAudit(ctx.db)).broken).toEqual({ id: 2, reason: 'hash' });
		await ctx.db.write((conn) => conn.run(`UPDATE audit_log SET actor = 'tester' WHERE id = 2`));
		expect((await verifyAudit(ctx.db)).broken).toBeNull();
		await ctx.db.write((conn) => conn.run(`DELETE FROM audit_log WHERE id = 2`));
		expect((await verifyAudit(ctx.db)).broken).toEqual({ id: 3, reason: 'link' });
	});

	it('says so from the CLI with exit code 1', () => {
		ctx.db.close();
		const r = verify();
		expect(r.status).toBe(1);
		expect(r.stderr).toContain('broken at entry 3');
	});
});
