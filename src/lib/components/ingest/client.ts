import type { Kind } from '$lib/domain/records';
import type { HeaderMapping } from '$lib/domain/ingest/header-mapping';
import type { FilePreview, ImportJob } from '$lib/domain/ingest/api';

/** Browser calls of the import page. Every failure is an Error whose message is the server's `{error}`. */

export class RequestError extends Error {
	constructor(
		message: string,
		readonly status: number,
		readonly body: Record<string, unknown> = {}
	) {
		super(message);
		this.name = 'RequestError';
	}
}

function errorFrom(status: number, text: string, fallback: string): RequestError {
	try {
		const body = JSON.parse(text) as Record<string, unknown>;
		return new RequestError(typeof body.error === 'string' ? body.error : fallback, status, body);
	} catch {
		return new RequestError(text.trim() || fallback, status);
	}
}

/** Streams the file to /api/uploads with upload progress (fetch cannot report upload progress). */
export function uploadFile(
	file: File,
	onProgress: (fraction: number) => void,
	networkMessage: string
): Promise<{ uploadId: string; name: string; size: number }> {
	return new Promise((resolve, reject) => {
		const xhr = new XMLHttpRequest();
		xhr.open('POST', `/api/uploads?name=${encodeURIComponent(file.name)}`);
		// Not a form content type: no CSRF form check, and the body is read as raw bytes.
		xhr.setRequestHeader('content-type', 'application/octet-stream');
		xhr.upload.onprogress = (e) => {
			if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
		};
		xhr.onload = () => {
			if (xhr.status >= 200 && xhr.status < 300) {
				onProgress(1);
				resolve(JSON.parse(xhr.responseText));
			} else reject(errorFrom(xhr.status, xhr.responseText, `HTTP ${xhr.status}`));
		};
		xhr.onerror = () => reject(new RequestError(networkMessage, 0));
		xhr.onabort = () => reject(new RequestError(networkMessage, 0));
		xhr.send(file);
	});
}

async function postJson<T>(url: string, body: unknown): Promise<T> {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
	const text = await response.text();
	if (!response.ok) throw errorFrom(response.status, text, `HTTP ${response.status}`);
	return JSON.parse(text) as T;
}

export function fetchPreview(
	uploadId: string,
	body: { kind: Kind; encoding?: string; sheet?: string; map?: HeaderMapping }
): Promise<FilePreview> {
	return postJson(`/api/uploads/${encodeURIComponent(uploadId)}/preview`, body);
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
	return postJson('/api/imports', body);
}

export async function getJob(jobId: string): Promise<ImportJob> {
	const response = await fetch(`/api/imports/${encodeURIComponent(jobId)}`, { cache: 'no-store' });
	const text = await response.text();
	if (!response.ok) throw errorFrom(response.status, text, `HTTP ${response.status}`);
	return JSON.parse(text) as ImportJob;
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
		const job = await getJob(jobId);
		onUpdate(job);
		if (job.status !== 'running') return job;
		await new Promise((r) => setTimeout(r, intervalMs));
	}
}
