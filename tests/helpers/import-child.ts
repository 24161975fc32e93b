/**
 * Imports one repair file in a process of its own, for tests that kill an import part-way:
 *
 *   node --import tsx tests/helpers/import-child.ts DB_PATH FILE_PATH [--hold-before-commit]
 *
 * Prints one line per phase change (`phase reading`, `phase validating`, `phase writing`) and, at the
 * end, `done {json}`. With --hold-before-commit the process stops before its COMMIT (after all of
 * the import's writes inside the transaction) and waits there, prints `holding`, and never commits:
 * a test that kills it after `phase writing` then always kills an open transaction, however fast the
 * machine.
 */
import { writeSync } from 'node:fs';
import { Database } from '../../src/lib/server/db/connection';
import { Sql, type SqlParams } from '../../src/lib/server/db/sql';
import { importFile } from '../../src/lib/server/ingest';

const [dbPath, file, ...flags] = process.argv.slice(2);
if (!dbPath || !file) {
	console.error('usage: import-child.ts DB_PATH FILE_PATH [--hold-before-commit]');
	process.exit(2);
}

/** Synchronous, so a line is in the pipe before the next statement starts. */
const say = (line: string) => writeSync(1, `${line}\n`);

/** Set once the import reaches its writing phase (inside the transaction). */
let holding = false;

if (flags.includes('--hold-before-commit')) {
	const run = Sql.prototype.run;
	Sql.prototype.run = async function (this: Sql, sql: string, ...rest: [SqlParams?]) {
		if (/^\s*COMMIT\b/i.test(sql) && holding) {
			say('holding');
			// Block this thread until killed: the transaction stays open, nothing more runs.
			const cell = new Int32Array(new SharedArrayBuffer(4));
			for (;;) Atomics.wait(cell, 0, 0, 60_000);
		}
		return run.call(this, sql, ...rest);
	};
}

let phase = '';
const db = await Database.open(dbPath);
const result = await importFile(db, file, {
	kind: 'repair',
	importedBy: 'import-child',
	onProgress: (p) => {
		if (p.phase === phase) return;
		phase = p.phase;
		if (phase === 'writing') holding = true;
		say(`phase ${phase}`);
	}
});
db.close();
say(`done ${JSON.stringify({ ...result, mapping: undefined })}`);
