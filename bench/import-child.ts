/**
 * One timed import in a process of its own, so that its peak memory can be measured:
 *
 *   node --import tsx bench/import-child.ts import|baseline DB_PATH FILE_PATH
 *
 * `import` runs importFile (kind repair) into a fresh DuckDB file; `baseline` runs DuckDB's own
 * `CREATE TABLE t AS SELECT * FROM read_csv(file, header = true)` (auto-detect) into a fresh file.
 * The last stdout line is a JSON ChildResult.
 *
 * Environment (bench only, never read by src/):
 *   BENCH_TRACE=1        time every SQL statement the importer runs (patches server/db's Sql)
 *   BENCH_SETTINGS="SET GLOBAL threads = 4; …"  run before the import, to try DuckDB knobs
 */
import { readFileSync, rmSync } from 'node:fs';
import { Database } from '../src/lib/server/db/connection';
import type { ImportProgress } from '../src/lib/domain/ingest/api';
import { Sql } from '../src/lib/server/db/sql';
import { importFile } from '../src/lib/server/ingest';

export interface PhaseTiming {
	phase: string;
	ms: number;
}

export interface StatementTiming {
	sql: string;
	ms: number;
	/** CPU time of the whole process during the statement (DuckDB's threads and JS alike). */
	cpuMs: number;
}

export interface ChildResult {
	mode: 'import' | 'baseline';
	ms: number;
	/** CPU time (user + system, all threads) of the measured part: less sensitive to a busy machine. */
	cpuMs: number;
	/** CPU time of the whole child process (start-up included), to tell its load from other processes'. */
	processCpuMs: number;
	/** Peak resident set of this process in bytes (VmHWM; falls back to resourceUsage().maxRSS). */
	peakRssBytes: number;
	rows: number;
	result?: Record<string, unknown>;
	phases?: PhaseTiming[];
	statements?: StatementTiming[];
}

function peakRss(): number {
	try {
		const status = readFileSync('/proc/self/status', 'utf8');
		const match = /VmHWM:\s+(\d+)\s+kB/.exec(status);
		if (match) return Number(match[1]) * 1024;
	} catch {
		/* not Linux */
	}
	return process.resourceUsage().maxRSS * 1024;
}

function cpuSince(start: NodeJS.CpuUsage): number {
	const used = process.cpuUsage(start);
	return (used.user + used.system) / 1000;
}

function fresh(path: string): void {
	rmSync(path, { force: true });
	rmSync(`${path}.wal`, { force: true });
}

const statements: StatementTiming[] = [];

/** Wraps the statement methods of Sql so every statement's duration is recorded (bench only). */
function traceStatements(): void {
	const proto = Sql.prototype as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
	for (const name of ['run', 'all', 'numbers', 'columns']) {
		const original = proto[name];
		proto[name] = async function (this: unknown, ...args: unknown[]) {
			const started = performance.now();
			const cpu = process.cpuUsage();
			try {
				return await original.apply(this, args);
			} finally {
				const sql = String(args[0]).replace(/\s+/g, ' ').trim();
				const ms = performance.now() - started;
				statements.push({
					sql: sql.length > 160 ? `${sql.slice(0, 157)}...` : sql,
					ms,
					cpuMs: cpuSince(cpu)
				});
			}
		};
	}
}

async function applySettings(run: (sql: string) => Promise<unknown>): Promise<void> {
	const settings = process.env.BENCH_SETTINGS?.trim();
	if (settings) await run(settings);
}

async function baseline(dbPath: string, file: string): Promise<ChildResult> {
	fresh(dbPath);
	// The workbench's own file (its migrations run before the clock starts): the timed statement is
	// DuckDB's read_csv alone, through the same handle the importer uses.
	const db = await Database.open(dbPath);
	const { ms, cpuMs, rows } = await db.session(async (sql) => {
		await applySettings((settings) => sql.run(settings));
		const cpu = process.cpuUsage();
		const started = performance.now();
		await sql.run(`CREATE TABLE t AS SELECT * FROM read_csv('${file.replace(/'/g, "''")}', header = true)`);
		const elapsed = performance.now() - started;
		const cpuMs = cpuSince(cpu);
		const [count] = await sql.numbers('SELECT count(*) FROM t');
		return { ms: elapsed, cpuMs, rows: count };
	});
	db.close();
	return { mode: 'baseline', ms, cpuMs, processCpuMs: 0, peakRssBytes: peakRss(), rows };
}

async function runImport(dbPath: string, file: string): Promise<ChildResult> {
	fresh(dbPath);
	const db = await Database.open(dbPath);
	await db.session((conn) => applySettings((sql) => conn.run(sql)));
	if (process.env.BENCH_TRACE === '1') traceStatements();

	// Phase boundaries from the importer's own progress events: the time spent in a step is the
	// time until the next step starts ('done' is reported just before COMMIT).
	const marks: { step: string; at: number }[] = [];
	let readEnd = 0; // the last 'reading' event: the end of the streaming pass / XLSX conversion
	const onProgress = (p: ImportProgress) => {
		const at = performance.now();
		if (p.phase === 'reading') readEnd = at;
		const step = `${p.phase}@${p.fraction}`;
		if (p.phase !== 'reading' && marks.at(-1)?.step !== step) marks.push({ step, at });
	};
	const cpu = process.cpuUsage();
	const started = performance.now();
	const result = await importFile(db, file, { kind: 'repair', onProgress, importedBy: 'bench' });
	const ended = performance.now();
	const cpuMs = cpuSince(cpu);
	db.close();

	const at = (step: string) => marks.find((m) => m.step.startsWith(step))?.at ?? NaN;
	// For a UTF-8 file DuckDB's read and validation start at once, beside the JS pass: no read pass before.
	const phases: PhaseTiming[] = [
		{ phase: 'read pass before DuckDB (hash; transcode or convert)', ms: readEnd - started },
		{ phase: 'read_csv + parse + validate (norm)', ms: at('validating@0.75') - at('validating@0.5') },
		{
			phase: 'rejected rows, counts, write plan (keys, sequence)',
			ms: at('writing') - at('validating@0.75')
		},
		{ phase: 'apply (insert, sequence, history, batch)', ms: at('done') - at('writing') },
		{ phase: 'commit + cleanup', ms: ended - at('done') }
	];
	return {
		mode: 'import',
		ms: ended - started,
		cpuMs,
		processCpuMs: 0,
		peakRssBytes: peakRss(),
		rows: result.rows,
		result: { ...result, mapping: undefined },
		phases,
		statements: statements.length ? statements : undefined
	};
}

const [mode, dbPath, file] = process.argv.slice(2);
if ((mode !== 'import' && mode !== 'baseline') || !dbPath || !file) {
	console.error('usage: import-child.ts import|baseline DB_PATH FILE_PATH');
	process.exit(2);
}
const out = mode === 'baseline' ? await baseline(dbPath, file) : await runImport(dbPath, file);
const total = process.cpuUsage();
out.processCpuMs = (total.user + total.system) / 1000;
process.stdout.write(`${JSON.stringify(out)}\n`);
