import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest';
import { KINDS, type Kind } from '../../src/lib/domain/records';
import type { ImportCounts } from '../../src/lib/domain/ingest/api';
import { count, tempDatabase } from '../helpers/temp-db';

/**
 * The public exports in ../shared/realdata (never copied into this repository) imported through the
 * shipped profiles; expected counts were derived independently by tests/fixtures/realdata-expected.py.
 */
const REALDATA = resolve(
	process.env.WORKBENCH_REALDATA ?? join(import.meta.dirname, '../../../shared/realdata')
);
const expected: Record<string, ImportCounts & { file: string; kind: Kind }> = JSON.parse(
	readFileSync(join(import.meta.dirname, '../fixtures/realdata-expected.json'), 'utf8')
);

if (!existsSync(REALDATA)) {
	describe('real data', () => {
		it(`is not available here (${REALDATA}); the real-data import tests did not run`, () => {
			console.warn(`real data not found at ${REALDATA}: real-data import tests not run`);
			expect(existsSync(REALDATA)).toBe(false);
		});
	});
} else {
	describe('real data through shipped profiles', () => {
		let ctx: Awaited<ReturnType<typeof tempDatabase>>;
		beforeAll(async () => {
			ctx = await tempDatabase();
		});
		afterAll(() => ctx.remove());

		for (const [profile, want] of Object.entries(expected)) {
			it(`${profile}: counts match the file, the invariant holds, a re-import changes nothing`, async () => {
				expect(KINDS).toContain(want.kind);
				const path = join(REALDATA, want.file);
				const result = await importFile(ctx.db, path, { kind: want.kind, profile });
				const { rows, accepted, updated, duplicates, rejected, skipped } = result;
				expect({ rows, accepted, updated, duplicates, rejected, skipped }).toEqual({
					rows: want.rows,
					accepted: want.accepted,
					updated: want.updated,
					duplicates: want.duplicates,
					rejected: want.rejected,
					skipped: want.skipped
				});
				expect(accepted + updated + duplicates + rejected + skipped).toBe(rows);
				expect(
					await count(ctx.db, 'SELECT count(*) FROM rejected_rows WHERE batch_id = $1', [result.batchId])
				).toBe(rejected);

				const again = await importFile(ctx.db, path, { kind: want.kind, profile });
				expect(again).toMatchObject({
					rows,
					accepted: 0,
					updated: 0,
					rejected,
					skipped,
					duplicates: rows - rejected - skipped
				});
			});
		}
	});
}
