import { randomUUID } from 'node:crypto';
import { getDatabase, type Database } from '../db/connection';
import { importFile } from './import-file';
import { deleteUpload, type Upload } from './uploads';
import type { ImportJob, JobError } from '$lib/domain/ingest/api';
import { ImportError } from './errors';
import type { ImportOptions } from './types';

/**
 * In-memory registry of imports started from the web page: the page polls a job for its progress
 * and result. Jobs live in this process only and are forgotten about an hour after they finish.
 */

export interface StartJobHooks {
	/** Defaults to the process-wide database. */
	db?: Database | Promise<Database>;
	/** At most one running job per key (e.g. the upload id): see findRunningJob. */
	key?: string;
	/** Runs once the job is done or failed (e.g. to remove the uploaded file). */
	onSettled?: (job: ImportJob) => void | Promise<void>;
}

const KEEP_MS = 60 * 60 * 1000;
const jobs = new Map<string, ImportJob>();
const keys = new Map<string, string>();

function sweep(now = Date.now()): void {
	for (const [id, job] of jobs) {
		if (job.finishedAt && now - Date.parse(job.finishedAt) > KEEP_MS) jobs.delete(id);
	}
}

function toJobError(error: unknown): JobError {
	if (error instanceof ImportError)
		return { message: error.message, code: error.code, details: error.details };
	if (error instanceof Error) return { message: error.message };
	return { message: String(error) };
}

/** Starts an import in the background and returns its job id at once. */
export function startImportJob(
	path: string,
	options: Omit<ImportOptions, 'onProgress'>,
	hooks: StartJobHooks = {}
): string {
	sweep();
	const id = randomUUID();
	const job: ImportJob = {
		id,
		status: 'running',
		progress: { phase: 'reading', fraction: 0 },
		fileName: options.fileName ?? path.split(/[/\\]/).pop() ?? path,
		startedAt: new Date().toISOString()
	};
	jobs.set(id, job);
	if (hooks.key) keys.set(hooks.key, id);
	void (async () => {
		try {
			const db = await (hooks.db ?? getDatabase());
			const result = await importFile(db, path, {
				...options,
				onProgress: (progress) => {
					job.progress = { phase: progress.phase, fraction: Math.min(1, Math.max(0, progress.fraction)) };
				}
			});
			job.result = result;
			job.progress = { phase: 'done', fraction: 1 };
			job.status = 'done';
		} catch (error) {
			job.error = toJobError(error);
			job.status = 'failed';
			if (!(error instanceof ImportError)) console.error(`import job ${id} failed:`, error);
		} finally {
			job.finishedAt = new Date().toISOString();
			if (hooks.key && keys.get(hooks.key) === id) keys.delete(hooks.key);
			try {
				await hooks.onSettled?.(job);
			} catch (error) {
				console.error(`import job ${id}: onSettled failed:`, error);
			}
		}
	})();
	return id;
}

/** A snapshot of a job, or null when unknown or expired. */
export function getJob(id: string): ImportJob | null {
	sweep();
	const job = jobs.get(id);
	return job ? { ...job, progress: { ...job.progress } } : null;
}

/** The id of the job still running under this key, if any. */
export function findRunningJob(key: string): string | null {
	const id = keys.get(key);
	return id && jobs.get(id)?.status === 'running' ? id : null;
}

/**
 * Imports an uploaded file in the background for `importedBy` (the batch and the audit log name
 * them), at most one job per upload. The file is no longer
 * needed once its rows are in; a refused file stays for another try.
 */
export function startUploadImport(
	db: Database,
	upload: Upload,
	options: Omit<ImportOptions, 'onProgress' | 'fileName' | 'importedBy'>,
	importedBy: string
): string {
	return startImportJob(
		upload.path,
		{ ...options, fileName: upload.name, importedBy },
		{ db, key: upload.id, onSettled: (job) => (job.status === 'done' ? deleteUpload(upload.id) : undefined) }
	);
}
