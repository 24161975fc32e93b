import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { NO_SCOPE } from '../../src/lib/domain/auth/user';
import { createAssessment } from '../../src/lib/server/assessment/assessments';
import { recordAudit } from '../../src/lib/server/audit/log';
import { addUser } from '../../src/lib/server/auth/users';
import { importFile } from '../../src/lib/server/ingest';
import { metricRows } from '../../src/lib/server/metrics/registry';
import { PERIOD, smallCatalogue } from '../helpers/assessment';
import { useTempDatabase } from '../helpers/temp-db';

const DEFECTS = join(import.meta.dirname, '../fixtures/metrics/defects');

/**
 * The metric results kept for everyone last until the data the metrics read changes: a sign-in, an
 * audit entry or an assessment edit leaves them, an import does not.
 */
describe('the data version', () => {
	const ctx = useTempDatabase({
		fill: (db) => importFile(db, join(DEFECTS, 'repairs.csv'), { kind: 'repair' })
	});

	it('stays through writes to tables no metric reads and moves with an import', async () => {
		const reads = vi.spyOn(ctx.db, 'query');
		try {
			const monthly = () => metricRows(ctx.db, 'defects.monthly', { filters: {} });
			const before = await monthly();
			const version = ctx.db.dataVersion;
			await recordAudit(ctx.db, {
				actor: 'tester',
				action: 'report.download',
				entity: 'report',
				entityId: 1
			});
			await addUser(
				ctx.db,
				{ name: 'viewer1', password: 'a-long-password-1', role: 'viewer', scope: NO_SCOPE },
				{ name: 'tester', origin: 'test' }
			);
			await createAssessment(ctx.db, PERIOD, smallCatalogue(), 'tester');
			expect(ctx.db.dataVersion).toBe(version);
			reads.mockClear();
			expect(await monthly()).toEqual(before);
			expect(reads).not.toHaveBeenCalled();

			await importFile(ctx.db, join(DEFECTS, 'sales.csv'), { kind: 'sales' });
			expect(ctx.db.dataVersion).not.toBe(version);
			const after = await monthly();
			expect(reads).toHaveBeenCalled();
			// The sales give the rates their denominators: a different result, read again.
			expect(after).not.toEqual(before);
		} finally {
			reads.mockRestore();
		}
	});
});
