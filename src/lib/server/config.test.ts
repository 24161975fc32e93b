import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SETTING_NAMES, settings } from './config';

const saved = Object.fromEntries(SETTING_NAMES.map((name) => [name, process.env[name]]));
afterEach(() => {
	for (const name of SETTING_NAMES) {
		if (saved[name] === undefined) delete process.env[name];
		else process.env[name] = saved[name];
	}
});

describe('settings', () => {
	it('gives the documented defaults, paths resolved, when nothing (or blank) is set', () => {
		for (const name of SETTING_NAMES) delete process.env[name];
		process.env.WORKBENCH_UPLOADS = '  ';
		const s = settings();
		expect(s.WORKBENCH_DB).toBe(resolve('data/workbench.duckdb'));
		expect(s.WORKBENCH_UPLOADS).toBe(resolve('data/uploads'));
		expect(s.WORKBENCH_MAX_UPLOAD_MB).toBe(1024);
		expect(s.WORKBENCH_MAX_EVIDENCE_MB).toBe(50);
		expect(s.WORKBENCH_IMPORT_MEMORY).toBe('512MB');
		expect(s.WORKBENCH_STANDARD).toBe(resolve('data/standards/gbt27922-2011.json'));
	});

	it('reads the environment at each call', () => {
		process.env.WORKBENCH_DB = '/tmp/a.duckdb';
		expect(settings().WORKBENCH_DB).toBe('/tmp/a.duckdb');
		process.env.WORKBENCH_DB = '/tmp/b.duckdb';
		expect(settings().WORKBENCH_DB).toBe('/tmp/b.duckdb');
		process.env.WORKBENCH_MAX_UPLOAD_MB = '2.5';
		expect(settings().WORKBENCH_MAX_UPLOAD_MB).toBe(2.5);
	});

	it('refuses a malformed value naming the setting and the value', () => {
		process.env.WORKBENCH_MAX_UPLOAD_MB = 'lots';
		expect(() => settings()).toThrow(/WORKBENCH_MAX_UPLOAD_MB.*lots/);
		process.env.WORKBENCH_MAX_UPLOAD_MB = '-3';
		expect(() => settings()).toThrow(/WORKBENCH_MAX_UPLOAD_MB/);
		delete process.env.WORKBENCH_MAX_UPLOAD_MB;
		process.env.WORKBENCH_IMPORT_MEMORY = 'half';
		expect(() => settings()).toThrow(/WORKBENCH_IMPORT_MEMORY.*half.*512MB/);
	});
});
