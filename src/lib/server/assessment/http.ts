import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { CatalogueCheck, EvidenceFile, EvidenceUpload } from '$lib/domain/assessment/api';
import { leaves } from '$lib/domain/assessment/catalogue';
import { recordAudit, type AuditSource } from '../audit/log';
import type { Database } from '../db/connection';
import { deleteUpload, receiveUpload, uploadBody, UploadTooLargeError } from '../ingest';
import { catalogueSha256 } from './assessments';
import { loadCatalogueFile, MAX_CATALOGUE_BYTES } from './catalogue-store';
import { EvidenceTooLargeError, maxEvidenceBytes, saveEvidence } from './evidence';

/**
 * The assessment endpoints that take or give raw bytes rather than JSON: evidence and catalogue
 * uploads (refused like every upload: 413 when too large, 400 when empty) and the evidence download.
 */

/** POST …/evidence: the body streams to disk, hashed on the way. */
export async function uploadEvidence(
	db: Database,
	target: Parameters<typeof saveEvidence>[1],
	request: Request,
	actor: string
): Promise<EvidenceUpload> {
	const limit = maxEvidenceBytes();
	try {
		return await saveEvidence(db, target, uploadBody(request, limit), actor, limit);
	} catch (error) {
		// the API answers every oversized upload alike
		if (error instanceof EvidenceTooLargeError) throw new UploadTooLargeError(limit);
		throw error;
	}
}

/**
 * POST /api/assessments/catalogue: the sheet is read and validated, then removed — nothing is kept
 * but the audit entry of the load (file, catalogue id and hash), which a later assessment.create
 * entry with the same hash follows.
 */
export async function checkCatalogueUpload(
	db: Database,
	request: Request,
	name: string,
	source: AuditSource
): Promise<CatalogueCheck> {
	const upload = await receiveUpload(request, name, MAX_CATALOGUE_BYTES);
	try {
		const catalogue = await loadCatalogueFile(upload.path, name);
		const check = { catalogue, items: catalogue.items.length, leaves: leaves(catalogue).length };
		await recordAudit(db, {
			...source,
			action: 'catalogue.load',
			entity: 'catalogue',
			entityId: catalogue.id,
			detail: { file: name, sha256: catalogueSha256(catalogue), items: check.items, leaves: check.leaves }
		});
		return check;
	} finally {
		await deleteUpload(upload.id);
	}
}

/** The file's bytes as an attachment (never rendered inline: an uploaded HTML file must not run as our page). */
export function evidenceDownload(file: EvidenceFile & { path: string }): Response {
	const ascii = file.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
	return new Response(Readable.toWeb(createReadStream(file.path)) as ReadableStream<Uint8Array>, {
		headers: {
			'content-type': 'application/octet-stream',
			'content-length': String(file.sizeBytes),
			'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
			'x-content-type-options': 'nosniff',
			'x-evidence-sha256': file.sha256
		}
	});
}
