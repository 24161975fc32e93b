import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { ReportFigures } from '../../src/lib/domain/reports/api';
import { importDemoData } from './demo-data';
import { tempDatabase } from './temp-db';

type TempDb = Awaited<ReturnType<typeof tempDatabase>>;

/**
 * A temp database holding the demo data, with its own reports folder, for one report test file:
 * filled before the file's tests run (the object is filled in place), removed after them.
 */
export function useDemoReports(): TempDb {
	const env = {} as TempDb;
	beforeAll(async () => {
		Object.assign(env, await tempDatabase());
		process.env.WORKBENCH_REPORTS = join(env.dir, 'reports');
		await importDemoData(env.db);
	}, 120_000);
	afterAll(() => {
		delete process.env.WORKBENCH_REPORTS;
		env.remove();
	});
	return env;
}

/** A table of a snapshot's figures by its id. */
export function figuresTable(figures: ReportFigures, id: string) {
	for (const section of figures.sections)
		for (const block of section.blocks)
			if (block.type === 'table' && block.table.id === id) return block.table;
	throw new Error(`no table ${id}`);
}
