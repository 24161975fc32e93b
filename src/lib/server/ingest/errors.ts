import type { ImportErrorCode } from '$lib/domain/ingest/api';
import { basename } from 'node:path';
import { StatusError, UserError } from '$lib/domain/errors';
import { sanitiseText, sanitiseValue } from '$lib/domain/sanitise';
import { DatabaseBusyError } from '../db/connection';
import { formatBytes } from '$lib/format';
import { translate, type Locale, type MessageKey, type Params } from '$lib/i18n';

export type IngestKey = Extract<MessageKey, `ingest.${string}`>;

/**
 * A file the importer refuses as a whole; nothing was written. `file` (a path or file name) leads
 * the message. Its message reads "English / 中文", English first, as the importer has always
 * written it: the HTTP API and the CLI send it so, whatever the reader's language. Parameters,
 * details and the file are sanitised (see sanitise.ts): they often quote the file's own bytes.
 */
export class ImportError extends UserError {
	declare readonly details: Record<string, unknown>;
	readonly file?: string;

	constructor(
		readonly code: ImportErrorCode,
		key: IngestKey,
		params: Params = {},
		details: Record<string, unknown> = {},
		file?: string
	) {
		super(key, sanitiseValue(params), sanitiseValue(details));
		this.file = file === undefined ? undefined : sanitiseText(basename(file));
		const en = translate('en', key, this.params);
		const zh = translate('zh-CN', key, this.params);
		this.message = `${this.file === undefined ? '' : `${this.file}: `}${en === zh ? en : `${en} / ${zh}`}`;
	}

	in(locale: Locale): string {
		const text = super.in(locale);
		return this.file === undefined ? text : `${this.file}: ${text}`;
	}
}

/**
 * What the user sees of a failure: a refusal or a busy database as it is; anything else (an engine
 * or system error, whose text quotes server paths and the file's bytes) as one internal-error
 * message, with the detail in the server log.
 */
export function userFacingError(error: unknown, fileName: string): unknown {
	if (error instanceof ImportError && error.file === undefined) {
		return new ImportError(error.code, error.key as IngestKey, error.params, error.details, fileName);
	}
	if (error instanceof UserError || error instanceof DatabaseBusyError) return error;
	const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
	console.error(`${fileName}: ${sanitiseText(detail, 4000)}`);
	return new ImportError('internal', 'ingest.importFailed', {}, {}, fileName);
}

/** An upload refused before its file was stored; `status` is the HTTP status to answer with. */
export class UploadError extends StatusError {
	constructor(key: MessageKey, params: Params, status: 400 | 413) {
		super(status, key, params);
	}
}

export class UploadTooLargeError extends UploadError {
	constructor(readonly limit: number) {
		super('api.tooLarge', { max: formatBytes(limit) }, 413);
	}
}

/** adapter-node's own BODY_SIZE_LIMIT cut the request body off (npm start sets BODY_SIZE_LIMIT=Infinity; uploads enforce WORKBENCH_MAX_UPLOAD_MB themselves). */
export class BodySizeLimitError extends UploadError {
	constructor(detail: string) {
		super('api.bodyLimit', { detail }, 413);
	}
}
