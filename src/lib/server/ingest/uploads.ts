import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { settings } from '$lib/server/config';
import { BodySizeLimitError, UploadError, UploadTooLargeError } from './errors';

/**
 * Uploaded export files, streamed to disk (never held in memory) under WORKBENCH_UPLOADS
 * (default data/uploads): `<id>/<sanitised original name>` plus `<id>.json` with the metadata.
 * The original name is kept because it is part of the batch lineage and its extension drives sniffing.
 */

export interface Upload {
	id: string;
	/** The sanitised original file name. */
	name: string;
	path: string;
	size: number;
	createdAt: string;
}

const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Uploads not imported within this time are removed at the next upload. */
const UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;
/** Ids of the uploads this process is writing now: the only partial uploads that are not leftovers. */
const writing = new Set<string>();

function uploadsDir(): string {
	return settings().WORKBENCH_UPLOADS;
}

/** Upload limit in bytes: WORKBENCH_MAX_UPLOAD_MB, default 1 GiB. */
export function maxUploadBytes(): number {
	return settings().WORKBENCH_MAX_UPLOAD_MB * 1024 * 1024;
}

/**
 * A file name that is safe as a single path segment on any OS and still recognisable:
 * no directories, control characters or characters Windows forbids; at most 180 characters,
 * keeping the extension.
 */
export function sanitiseFileName(name: string): string {
	const base = name.split(/[/\\]/).pop() ?? '';
	let clean = base
		.normalize('NFC')
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
		.replace(/^[\s.]+|[\s.]+$/g, '')
		.trim();
	if (clean.length > 180) {
		const dot = clean.lastIndexOf('.');
		const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
		clean = clean.slice(0, 180 - ext.length) + ext;
	}
	return clean || 'upload';
}

function isUploadId(id: string): boolean {
	return ID_PATTERN.test(id);
}

/** Streams a request body to disk; the upload is removed again if it fails or exceeds `limit`. */
export async function saveUpload(
	body: ReadableStream<Uint8Array>,
	originalName: string,
	limit = maxUploadBytes()
): Promise<Upload> {
	const root = uploadsDir();
	await mkdir(root, { recursive: true });
	void sweepUploads(root);
	const id = randomUUID();
	const name = sanitiseFileName(originalName);
	const dir = join(root, id);
	const path = join(dir, name);
	writing.add(id);
	try {
		await mkdir(dir);
		let size = 0;
		const counter = new Transform({
			transform(chunk: Buffer, _encoding, callback) {
				size += chunk.length;
				if (size > limit) callback(new UploadTooLargeError(limit));
				else callback(null, chunk);
			}
		});
		try {
			await pipeline(
				Readable.fromWeb(body as unknown as NodeReadableStream<Uint8Array>),
				counter,
				createWriteStream(path, { flags: 'wx' })
			);
		} catch (error) {
			await rm(dir, { recursive: true, force: true });
			if (error instanceof UploadTooLargeError) throw error;
			// adapter-node raises a SvelteKitError(413) when the body passes BODY_SIZE_LIMIT.
			if ((error as { status?: number })?.status === 413)
				throw new BodySizeLimitError(String((error as Error).message));
			throw error;
		}
		const upload: Upload = { id, name, path, size, createdAt: new Date().toISOString() };
		await writeFile(join(root, `${id}.json`), JSON.stringify(upload));
		return upload;
	} finally {
		writing.delete(id);
	}
}

/** A request's body to stream somewhere; refused unread when it declares more than `limit`, or is empty. */
export function uploadBody(request: Request, limit: number): ReadableStream<Uint8Array> {
	const declared = Number(request.headers.get('content-length'));
	if (Number.isFinite(declared) && declared > limit) throw new UploadTooLargeError(limit);
	if (!request.body) throw new UploadError('api.emptyBody', {}, 400);
	return request.body;
}

/** An upload request's body to disk. */
export async function receiveUpload(
	request: Request,
	originalName: string,
	limit = maxUploadBytes()
): Promise<Upload> {
	return saveUpload(uploadBody(request, limit), originalName, limit);
}

export async function getUpload(id: string): Promise<Upload | null> {
	if (!isUploadId(id)) return null;
	const root = uploadsDir();
	try {
		const meta = JSON.parse(await readFile(join(root, `${id}.json`), 'utf8')) as Upload;
		const path = join(root, id, sanitiseFileName(meta.name));
		await stat(path);
		return { ...meta, id, path };
	} catch {
		return null;
	}
}

export async function deleteUpload(id: string): Promise<void> {
	if (!isUploadId(id)) return;
	const root = uploadsDir();
	await rm(join(root, id), { recursive: true, force: true });
	await rm(join(root, `${id}.json`), { force: true });
}

/**
 * Removes the uploads a killed process left half written: a folder without its metadata (written
 * last), or metadata without its folder. Uploads this process is writing are left alone. Returns the
 * ids removed.
 */
export async function removePartialUploads(): Promise<string[]> {
	const root = uploadsDir();
	const entries = new Set(await readdir(root).catch(() => []));
	const removed: string[] = [];
	for (const entry of entries) {
		const id = entry.replace(/\.json$/, '');
		if (!isUploadId(id) || writing.has(id) || removed.includes(id)) continue;
		if (entries.has(id) && entries.has(`${id}.json`)) continue;
		await deleteUpload(id);
		removed.push(id);
	}
	return removed;
}

/** Best effort: removes uploads older than a day (abandoned imports). */
async function sweepUploads(root: string): Promise<void> {
	try {
		const now = Date.now();
		for (const entry of await readdir(root)) {
			const id = entry.replace(/\.json$/, '');
			if (!isUploadId(id)) continue;
			const info = await stat(join(root, entry)).catch(() => null);
			if (info && now - info.mtimeMs > UPLOAD_TTL_MS) await deleteUpload(id);
		}
	} catch {
		// a sweep failure must not fail the upload
	}
}
