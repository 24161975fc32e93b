/**
 * Does one write in a process of its own and stops half-way, for tests that kill it with SIGKILL
 * (tests/integration/crash-recovery.test.ts):
 *
 *   node --import tsx tests/helpers/crash-child.ts save DB_PATH ASSESSMENT_ID STATE_JSON
 *     saves the draft of version 1 (saveDraft, as PUT /api/assessments/[id]/versions/1 does) and stops
 *     before its COMMIT, after the UPDATE and the audit entry inside the transaction;
 *   node --import tsx tests/helpers/crash-child.ts upload NAME
 *     streams an upload (saveUpload, as POST /api/uploads does) into WORKBENCH_UPLOADS and stops once
 *     its first bytes are on disk, the body still open;
 *   node --import tsx tests/helpers/crash-child.ts evidence DB_PATH ASSESSMENT_ID NAME
 *     attaches an evidence file (saveEvidence) into WORKBENCH_EVIDENCE and stops before the COMMIT of
 *     its row, the file already stored under its hash.
 *
 * Prints `holding` once it has stopped, and never goes on: the test kills it there, whatever the
 * machine's speed.
 */
import { existsSync, readdirSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { saveEvidence } from '../../src/lib/server/assessment/evidence';
import { saveDraft } from '../../src/lib/server/assessment/versions';
import { Database } from '../../src/lib/server/db/connection';
import { Sql, type SqlParams } from '../../src/lib/server/db/sql';
import { saveUpload } from '../../src/lib/server/ingest/uploads';

const [mode, ...args] = process.argv.slice(2);

/** Synchronous, so the line is in the pipe before the process blocks. */
const say = (line: string) => writeSync(1, `${line}\n`);

/** Blocks this thread until the process is killed: nothing more runs, nothing is cleaned up. */
function hold(): never {
	say('holding');
	const cell = new Int32Array(new SharedArrayBuffer(4));
	for (;;) Atomics.wait(cell, 0, 0, 60_000);
}

const BYTES = new TextEncoder().encode('工单号,受理时间\nWX1,2025-06-01 08:00\n'.repeat(64));

/** A body of BYTES that, unless `ends`, then neither sends more nor ends. */
function body(ends: boolean): ReadableStream<Uint8Array> {
	return new ReadableStream<Uint8Array>({
		start(controller) {
			controller.enqueue(BYTES);
			if (ends) controller.close();
		}
	});
}

/** Every later COMMIT holds instead: the transaction stays open until the process is killed. */
function holdAtCommit(): void {
	const run = Sql.prototype.run;
	Sql.prototype.run = async function (this: Sql, sql: string, ...rest: [SqlParams?]) {
		if (/^\s*COMMIT\b/i.test(sql)) hold();
		return run.call(this, sql, ...rest);
	};
}

/** Waits until some file under `dir` has bytes, then holds. */
async function holdOnceWritten(dir: string): Promise<never> {
	for (;;) {
		// The upload makes the folder itself; until it has, there is nothing to wait on.
		const entries = existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }) : [];
		const files = entries.filter((e) => e.isFile());
		if (files.some((f) => statSync(join(f.parentPath, f.name)).size > 0)) hold();
		await new Promise((r) => setTimeout(r, 10));
	}
}

if (mode === 'save') {
	const [dbPath, id, state] = args;
	const db = await Database.open(dbPath);
	holdAtCommit();
	await saveDraft(db, Number(id), 1, JSON.parse(state), 'crash-child');
	say('committed');
} else if (mode === 'upload') {
	const [name] = args;
	void saveUpload(body(false), name);
	await holdOnceWritten(process.env.WORKBENCH_UPLOADS!);
} else if (mode === 'evidence') {
	const [dbPath, id, name] = args;
	const db = await Database.open(dbPath);
	holdAtCommit();
	const target = { assessmentId: Number(id), version: 1, leafId: '1.1.1', fileName: name };
	await saveEvidence(db, target, body(true), 'crash-child');
	say('committed');
} else {
	console.error('usage: crash-child.ts save DB_PATH ID STATE_JSON | upload NAME | evidence DB_PATH ID NAME');
	process.exit(2);
}
