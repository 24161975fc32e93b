import { describe, expect, it, vi } from 'vitest';
import type { Database } from '$lib/server/db/connection';
import type { ImportResult } from '$lib/domain/ingest/api';
import { ImportError } from './errors';
import type { ImportOptions } from './types';

const importFile = vi.fn();
vi.mock('$lib/server/ingest/import-file', () => ({
	importFile: (...args: unknown[]) => importFile(...args)
}));

const { findRunningJob, getJob, startImportJob } = await import('$lib/server/ingest/jobs');
const db = {} as Database;

async function settled(id: string) {
	await vi.waitFor(() => expect(getJob(id)?.status).not.toBe('running'));
	return getJob(id)!;
}

describe('import jobs', () => {
	it('reports progress and the result', async () => {
		let finish!: () => void;
		importFile.mockImplementationOnce(async (_db: Database, _path: string, options: ImportOptions) => {
			options.onProgress?.({ phase: 'validating', fraction: 0.6 });
			await new Promise<void>((resolve) => (finish = resolve));
			return { batchId: 7, rows: 3 } as ImportResult;
		});
		const onSettled = vi.fn();
		const id = startImportJob(
			'/tmp/x.csv',
			{ kind: 'repair', fileName: 'x.csv' },
			{ db, key: 'u1', onSettled }
		);
		await vi.waitFor(() => expect(getJob(id)?.progress).toEqual({ phase: 'validating', fraction: 0.6 }));
		expect(getJob(id)).toMatchObject({ status: 'running', fileName: 'x.csv' });
		expect(findRunningJob('u1')).toBe(id);
		finish();
		const job = await settled(id);
		expect(job).toMatchObject({
			status: 'done',
			progress: { phase: 'done', fraction: 1 },
			result: { batchId: 7 }
		});
		expect(findRunningJob('u1')).toBeNull();
		expect(onSettled).toHaveBeenCalledOnce();
	});

	it('keeps the code and details of a refused file', async () => {
		const refused = new ImportError(
			'missing_required',
			'ingest.missingRequired',
			{ missing: 'received_at', kind: 'repair', headers: 'id' },
			{ missing: ['received_at'] },
			'x.csv'
		);
		// The job keeps the message as thrown, whatever it says.
		refused.message = 'x.csv: required field(s) received_at not found';
		importFile.mockRejectedValueOnce(refused);
		const job = await settled(startImportJob('/tmp/x.csv', { kind: 'repair' }, { db }));
		expect(job.status).toBe('failed');
		expect(job.error).toEqual({
			message: 'x.csv: required field(s) received_at not found',
			code: 'missing_required',
			details: { missing: ['received_at'] }
		});
	});

	it('forgets unknown ids', () => {
		expect(getJob('nope')).toBeNull();
	});
});
