import type { FilePreview, ImportJob, UndoPreview, UndoResult } from '$lib/domain/ingest/api';
import type { HeaderMapping } from '$lib/domain/ingest/header-mapping';
import type { Kind } from '$lib/domain/records';
import { jsonBody, requestJson, upload } from './api';

/** Calls of the import page. */

/** Streams the file to /api/uploads, reporting progress. */
export function uploadFile(
	file: File,
	onProgress: (fraction: number) => void,
	networkMessage: string
): Promise<{ uploadId: string; name: string; size: number }> {
	return upload(`/api/uploads?name=${encodeURIComponent(file.name)}`, file, onProgress, networkMessage);
}

export function fetchPreview(
	uploadId: string,
	body: { kind: Kind; encoding?: string; sheet?: string; map?: HeaderMapping }
): Promise<FilePreview> {
	return requestJson(`/api/uploads/${encodeURIComponent(uploadId)}/preview`, jsonBody('POST', body));
}

export interface StartImport {
	uploadId: string;
	kind: Kind;
	map?: HeaderMapping;
	profile?: string;
	saveProfile?: string;
	encoding?: string;
	sheet?: string;
}

export function startImport(body: StartImport): Promise<{ jobId: string }> {
	return requestJson('/api/imports', jsonBody('POST', body));
}

/** Polls a job until it is no longer running; `isCancelled` stops polling (e.g. the page was left). */
export async function waitForJob(
	jobId: string,
	onUpdate: (job: ImportJob) => void,
	isCancelled: () => boolean,
	intervalMs = 300
): Promise<ImportJob | null> {
	for (;;) {
		if (isCancelled()) return null;
		const job = await requestJson<ImportJob>(`/api/imports/${encodeURIComponent(jobId)}`, {
			cache: 'no-store'
		});
		onUpdate(job);
		if (job.status !== 'running') return job;
		await new Promise((r) => setTimeout(r, intervalMs));
	}
}

export function fetchUndoPreview(batchId: number): Promise<UndoPreview> {
	return requestJson(`/api/batches/${batchId}/undo`);
}

export function undoImport(batchId: number): Promise<UndoResult> {
	return requestJson(`/api/batches/${batchId}/undo`, { method: 'POST' });
}
