import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { settings } from '$lib/server/config';
import type { EvidenceFile, EvidenceUpload } from '$lib/domain/assessment/api';
import { recordAudit, type AuditSource } from '../audit/log';
import type { Database } from '../db/connection';
import type { PlainRow } from '../db/values';
import { sanitiseFileName } from '$lib/server/ingest';
import { assertLeaf } from './check';
import { LockedError, NotFoundError, WorkspaceError } from './errors';
import { insertAudited, rowFields } from './rows';
import { assertDraftOn, getVersion } from './versions';

/**
 * Evidence files of an assessment (organisation chart, training records, certificates …), stored
 * content-addressed under WORKBENCH_EVIDENCE (default data/evidence): `<assessment id>/<sha256>`.
 * The SHA-256 is computed while the body streams to disk, so the hash in the database is the hash of
 * exactly the bytes kept; the same bytes uploaded again are recognised by it and stored once.
 */

/** Files being streamed in are `<assessment id>/.upload-<uuid>` until their hash names them. */
const TEMP_PREFIX = '.upload-';
/** Temp files this process is writing now: the only ones that are not leftovers of a killed upload. */
const writing = new Set<string>();

function evidenceDir(): string {
	return settings().WORKBENCH_EVIDENCE;
}

/** Per-file limit in bytes: WORKBENCH_MAX_EVIDENCE_MB, default 50 MB (scans and PDFs, not exports). */
export function maxEvidenceBytes(): number {
	return settings().WORKBENCH_MAX_EVIDENCE_MB * 1024 * 1024;
}

export class EvidenceTooLargeError extends WorkspaceError {
	constructor(readonly limit: number) {
		super(413, 'too_large', 'as.error.evidenceTooLarge', { limit }, { limit });
	}
}

function toEvidence(r: PlainRow): EvidenceFile {
	return rowFields(
		r,
		['id', 'assessmentId', 'version', 'sizeBytes'],
		['leafId', 'fileName', 'sha256', 'uploadedAt', 'uploadedBy']
	);
}

/** Streams `body` to a temp file while hashing it; returns the hash and size. Removes the file on failure. */
async function streamToDisk(body: ReadableStream<Uint8Array>, path: string, limit: number) {
	const hash = createHash('sha256');
	let size = 0;
	const meter = new Transform({
		transform(chunk: Buffer, _encoding, callback) {
			size += chunk.length;
			if (size > limit) return callback(new EvidenceTooLargeError(limit));
			hash.update(chunk);
			callback(null, chunk);
		}
	});
	try {
		await pipeline(
			Readable.fromWeb(body as unknown as NodeReadableStream<Uint8Array>),
			meter,
			createWriteStream(path, { flags: 'wx' })
		);
	} catch (error) {
		await rm(path, { force: true });
		throw error;
	}
	return { sha256: hash.digest('hex'), size };
}

/**
 * Attaches a file to a leaf of a draft version. Refused (409) on a final version, before any byte is
 * stored and again inside the write transaction.
 */
export async function saveEvidence(
	db: Database,
	target: { assessmentId: number; version: number; leafId: string; fileName: string },
	body: ReadableStream<Uint8Array>,
	actor: string,
	limit = maxEvidenceBytes()
): Promise<EvidenceUpload> {
	const { assessmentId, version, leafId } = target;
	const current = await getVersion(db, assessmentId, version);
	assertLeaf(current.catalogue, leafId);
	if (current.status === 'final') throw new LockedError(assessmentId, version);
	const fileName = sanitiseFileName(target.fileName);
	const dir = join(evidenceDir(), String(assessmentId));
	await mkdir(dir, { recursive: true });
	const temp = join(dir, `${TEMP_PREFIX}${randomUUID()}`);
	writing.add(temp);
	let sha256: string, size: number;
	try {
		({ sha256, size } = await streamToDisk(body, temp, limit));
		// content-addressed: identical bytes already stored (for any leaf) are kept once
		if (await stat(join(dir, sha256)).catch(() => null)) await rm(temp, { force: true });
		else await rename(temp, join(dir, sha256));
	} finally {
		writing.delete(temp);
	}
	const relative = `${assessmentId}/${sha256}`;
	// Until its row commits, the stored file is this process's own write (removeUnreferencedEvidence).
	const stored = join(dir, sha256);
	writing.add(stored);
	try {
		return await recordEvidence(db, target, { fileName, sha256, size, relative }, actor);
	} finally {
		writing.delete(stored);
	}
}

/** The evidence row of a stored file, audited; the same bytes on the same leaf are recorded once. */
function recordEvidence(
	db: Database,
	{ assessmentId, version, leafId }: { assessmentId: number; version: number; leafId: string },
	{ fileName, sha256, size, relative }: { fileName: string; sha256: string; size: number; relative: string },
	actor: string
): Promise<EvidenceUpload> {
	return db.writeAside(async (conn) => {
		await assertDraftOn(conn, assessmentId, version);
		const [same] = await conn.all(
			`SELECT * FROM evidence_files WHERE assessment_id = $1 AND leaf_id = $2 AND sha256 = $3 ORDER BY id LIMIT 1`,
			[assessmentId, leafId, sha256]
		);
		if (same) return { file: toEvidence(same), duplicate: true };
		const file = await insertAudited(
			conn,
			{
				sql: `INSERT INTO evidence_files (id, assessment_id, version, leaf_id, file_name, sha256, size_bytes,
					stored_path, uploaded_at, uploaded_by)
				 VALUES (nextval('evidence_seq'), $1, $2, $3, $4, $5, $6, $7, current_localtimestamp(), $8) RETURNING *`,
				params: [assessmentId, version, leafId, fileName, sha256, size, relative, actor]
			},
			toEvidence,
			{
				actor,
				action: 'evidence.upload',
				entity: 'evidence_file',
				detail: { assessmentId, version, leafId, fileName, sha256, sizeBytes: size }
			}
		);
		return { file, duplicate: false };
	});
}

/**
 * Removes the temp files of evidence uploads a killed process left behind (`<id>/.upload-…`); the
 * ones this process is writing are left alone. Returns the paths removed.
 */
export async function removePartialEvidence(): Promise<string[]> {
	const root = evidenceDir();
	const removed: string[] = [];
	for (const sub of await readdir(root).catch(() => [])) {
		for (const entry of await readdir(join(root, sub)).catch(() => [])) {
			const path = join(root, sub, entry);
			if (!entry.startsWith(TEMP_PREFIX) || writing.has(path)) continue;
			await rm(path, { force: true });
			removed.push(path);
		}
	}
	return removed;
}

/**
 * Removes stored evidence files that no evidence row names: a process killed after storing a file and
 * before committing its row leaves one behind. Files this process is storing are left alone. Returns
 * the paths removed.
 */
export async function removeUnreferencedEvidence(db: Database): Promise<string[]> {
	const root = evidenceDir();
	const rows = await db.query('SELECT DISTINCT stored_path FROM evidence_files');
	const referenced = new Set(rows.map((r) => String(r.stored_path)));
	const removed: string[] = [];
	for (const sub of await readdir(root).catch(() => [])) {
		for (const entry of await readdir(join(root, sub)).catch(() => [])) {
			const path = join(root, sub, entry);
			if (entry.startsWith(TEMP_PREFIX) || referenced.has(`${sub}/${entry}`) || writing.has(path)) continue;
			await rm(path, { force: true });
			removed.push(path);
		}
	}
	return removed;
}

/** Evidence of an assessment attached up to `version` (a later draft still lists the earlier files). */
export async function listEvidence(
	db: Database,
	assessmentId: number,
	version?: number
): Promise<EvidenceFile[]> {
	const rows = await db.query(
		`SELECT * FROM evidence_files WHERE assessment_id = $1 AND ($2::INTEGER IS NULL OR version <= $2::INTEGER)
		 ORDER BY leaf_id, id`,
		[assessmentId, version ?? null]
	);
	return rows.map(toEvidence);
}

/** One file's record and its absolute path, for download; the download is audited. */
export async function evidenceFile(
	db: Database,
	assessmentId: number,
	id: number,
	source: AuditSource
): Promise<EvidenceFile & { path: string }> {
	const [row] = await db.query(`SELECT * FROM evidence_files WHERE assessment_id = $1 AND id = $2`, [
		assessmentId,
		id
	]);
	if (!row) throw new NotFoundError('as.error.notFound.evidence', { id });
	const file = toEvidence(row);
	await recordAudit(db, {
		...source,
		action: 'evidence.download',
		entity: 'evidence_file',
		entityId: id,
		detail: { assessmentId, fileName: file.fileName, sha256: file.sha256 }
	});
	return { ...file, path: join(evidenceDir(), String(row.stored_path)) };
}
