import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { CatalogueCheck, EvidenceFile, EvidenceUpload } from '$lib/domain/assessment/api';
import { leaves } from '$lib/domain/assessment/catalogue';
import { formatBytes } from '$lib/format';
import { createT, type Locale } from '$lib/i18n';
import type { Database } from '../db/connection';
import { ApiError } from '../http/api';
import { deleteUpload, saveUpload, UploadTooLargeError } from '../ingest';
import { loadCatalogueFile, MAX_CATALOGUE_BYTES } from './catalogue-store';
import { EvidenceTooLargeError, maxEvidenceBytes, saveEvidence } from './evidence';

/**
 * The assessment endpoints that take or give raw bytes rather than JSON: evidence and catalogue
 * uploads (refused with the API's own 413 / 400 messages) and the evidence download.
 */

function tooLarge(limit: number, locale: Locale): ApiError {
	return new ApiError(413, createT(locale)('api.tooLarge', { max: formatBytes(limit) }));
}

/** The request's body; refused before reading when it says it is over `limit`, or when there is none. */
function bodyOf(request: Request, limit: number, locale: Locale): ReadableStream<Uint8Array> {
	const declared = Number(request.headers.get('content-length'));
	if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit, locale);
	if (!request.body) throw new ApiError(400, createT(locale)('api.emptyBody'));
	return request.body;
}

/** POST …/evidence: the body streams to disk, hashed on the way. */
export async function uploadEvidence(
	db: Database,
	target: Parameters<typeof saveEvidence>[1],
	request: Request,
	actor: string,
	locale: Locale
): Promise<EvidenceUpload> {
	const limit = maxEvidenceBytes();
	try {
		return await saveEvidence(db, target, bodyOf(request, limit, locale), actor, limit);
	} catch (error) {
		if (error instanceof EvidenceTooLargeError) throw tooLarge(limit, locale);
		throw error;
	}
}

/** POST /api/assessments/catalogue: the sheet is read and validated, then removed — nothing is kept. */
export async function checkCatalogueUpload(
	request: Request,
	name: string,
	locale: Locale
): Promise<CatalogueCheck> {
	let upload;
	try {
		upload = await saveUpload(bodyOf(request, MAX_CATALOGUE_BYTES, locale), name, MAX_CATALOGUE_BYTES);
	} catch (error) {
		if (error instanceof UploadTooLargeError) throw tooLarge(MAX_CATALOGUE_BYTES, locale);
		throw error;
	}
	try {
		const catalogue = await loadCatalogueFile(upload.path, name);
		return { catalogue, items: catalogue.items.length, leaves: leaves(catalogue).length };
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
