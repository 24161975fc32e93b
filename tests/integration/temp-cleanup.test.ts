import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAssessment } from '../../src/lib/server/assessment/assessments';
import { removePartialEvidence, saveEvidence } from '../../src/lib/server/assessment/evidence';
import { getDatabase } from '../../src/lib/server/db/connection';
import { getUpload, removePartialUploads, saveUpload } from '../../src/lib/server/ingest/uploads';
import { removeOrphanWorkDirs } from '../../src/lib/server/ingest/work-dir';
import { removeStaleTempFiles, startServer } from '../../src/lib/server/startup';
import { PERIOD, smallCatalogue } from '../helpers/assessment';
import { tempDatabase } from '../helpers/temp-db';

const UPLOAD_ID = '0f0e0d0c-0b0a-4098-8765-43210fedcba9';
const OTHER_ID = '1f0e0d0c-0b0a-4098-8765-43210fedcba9';
const ORPHAN_ID = '2f0e0d0c-0b0a-4098-8765-43210fedcba9';

/** The pid of a process that has already exited. */
function deadPid(): number {
	const child = spawnSync(process.execPath, ['-e', '']);
	return child.pid as number;
}

/** A body that sends one chunk and then waits until `finish` is called. */
function heldBody() {
	let finish = () => {};
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			controller.enqueue(new TextEncoder().encode('a,b\n'));
			finish = () => controller.close();
		}
	});
	return { body, finish: () => finish() };
}

let ctx: Awaited<ReturnType<typeof tempDatabase>>;
let uploads: string;
let evidence: string;
beforeEach(async () => {
	ctx = await tempDatabase();
	uploads = join(ctx.dir, 'uploads');
	evidence = join(ctx.dir, 'evidence');
	process.env.WORKBENCH_UPLOADS = uploads;
	process.env.WORKBENCH_EVIDENCE = evidence;
});
afterEach(() => {
	delete process.env.WORKBENCH_UPLOADS;
	delete process.env.WORKBENCH_EVIDENCE;
	delete process.env.WORKBENCH_DB;
	ctx.remove();
});

/** What a process killed mid-upload leaves: folders without metadata, metadata alone, temp evidence. */
function leaveKilledUploads() {
	mkdirSync(join(uploads, UPLOAD_ID), { recursive: true });
	writeFileSync(join(uploads, UPLOAD_ID, '维修.csv'), 'a,b\n1,');
	writeFileSync(join(uploads, `${ORPHAN_ID}.json`), '{}');
	mkdirSync(join(uploads, OTHER_ID));
	writeFileSync(join(uploads, OTHER_ID, 'done.csv'), 'a,b\n1,2\n');
	writeFileSync(join(uploads, `${OTHER_ID}.json`), JSON.stringify({ id: OTHER_ID, name: 'done.csv' }));
	mkdirSync(join(evidence, '1'), { recursive: true });
	writeFileSync(join(evidence, '1', '.upload-5d5c6b1e-0000-4000-8000-000000000000'), '%PDF-1.7 half');
	writeFileSync(join(evidence, '1', 'ab'.repeat(32)), '%PDF-1.7 stored');
}

describe('temp files of a killed run', () => {
	it('removes half-written uploads and evidence, keeps finished ones', async () => {
		leaveKilledUploads();
		const removed = await removeStaleTempFiles();
		expect(removed).toEqual(
			expect.arrayContaining([
				UPLOAD_ID,
				ORPHAN_ID,
				join(evidence, '1', '.upload-5d5c6b1e-0000-4000-8000-000000000000')
			])
		);
		expect(existsSync(join(uploads, UPLOAD_ID))).toBe(false);
		expect(existsSync(join(uploads, `${ORPHAN_ID}.json`))).toBe(false);
		expect(await getUpload(OTHER_ID)).toMatchObject({ name: 'done.csv' });
		expect(existsSync(join(evidence, '1', 'ab'.repeat(32)))).toBe(true);
	});

	it('never touches an upload or evidence file this process is writing', async () => {
		await createAssessment(ctx.db, PERIOD, smallCatalogue(), 'web');
		const upload = heldBody();
		const file = heldBody();
		const saving = saveUpload(upload.body, 'running.csv', 1024);
		const attaching = saveEvidence(
			ctx.db,
			{ assessmentId: 1, version: 1, leafId: '1.1.1', fileName: 'a.pdf' },
			file.body,
			'web'
		);
		// Let both streams open their files before the sweep.
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(await removePartialUploads()).toEqual([]);
		expect(await removePartialEvidence()).toEqual([]);
		upload.finish();
		file.finish();
		const saved = await saving;
		expect(await getUpload(saved.id)).toMatchObject({ name: 'running.csv', size: 4 });
		expect((await attaching).file.sizeBytes).toBe(4);
	});

	it('removes the work folders of import processes that are gone, not of running ones', async () => {
		const root = join(ctx.dir, 'os-temp');
		const gone = join(root, `workbench-import-${deadPid()}-a1b2c3`);
		const mine = join(root, `workbench-import-${process.pid}-d4e5f6`);
		const parent = join(root, `workbench-preview-${process.ppid}-g7h8i9`);
		const other = join(root, 'workbench-test-j0k1l2');
		for (const dir of [gone, mine, parent, other]) mkdirSync(dir, { recursive: true });
		writeFileSync(join(gone, 'utf8.csv'), 'x');
		expect(await removeOrphanWorkDirs(root)).toEqual([gone]);
		for (const dir of [mine, parent, other]) expect(existsSync(dir)).toBe(true);
	});

	it('runs when the server starts, once it holds the database', async () => {
		leaveKilledUploads();
		const gone = join(tmpdir(), `workbench-import-${deadPid()}-zz9zz9`);
		mkdirSync(gone);
		process.env.WORKBENCH_DB = join(ctx.dir, 'server.duckdb');
		await startServer();
		(await getDatabase()).close();
		expect(existsSync(join(uploads, UPLOAD_ID))).toBe(false);
		expect(existsSync(join(evidence, '1', '.upload-5d5c6b1e-0000-4000-8000-000000000000'))).toBe(false);
		expect(existsSync(gone)).toBe(false);
		expect(await getUpload(OTHER_ID)).not.toBeNull();
	});
});
