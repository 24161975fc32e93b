import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publishServer, runningServer, serverInfoPath } from './server-info';

let dir: string;
let database: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'workbench-server-info-'));
	database = join(dir, 'w.duckdb');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The pid of a process that has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

describe('the server address beside the database', () => {
	it('is published with ORIGIN and this pid, and read back while the process lives', () => {
		process.env.ORIGIN = 'http://127.0.0.1:4567';
		try {
			publishServer(database);
		} finally {
			delete process.env.ORIGIN;
		}
		expect(JSON.parse(readFileSync(serverInfoPath(database), 'utf8'))).toEqual({
			url: 'http://127.0.0.1:4567',
			pid: process.pid
		});
		expect(runningServer(database)).toEqual({ url: 'http://127.0.0.1:4567', pid: process.pid });
		process.emit('sveltekit:shutdown' as never);
		expect(existsSync(serverInfoPath(database))).toBe(false);
	});

	it('is ignored when stale (its process is gone), unreadable or missing', () => {
		expect(runningServer(database)).toBeNull();
		writeFileSync(serverInfoPath(database), JSON.stringify({ url: 'http://127.0.0.1:1', pid: deadPid() }));
		expect(runningServer(database)).toBeNull();
		writeFileSync(serverInfoPath(database), '{"url": "not a url", "pid": 1}');
		expect(runningServer(database)).toBeNull();
		writeFileSync(serverInfoPath(database), 'garbage');
		expect(runningServer(database)).toBeNull();
	});
});
