import { StatusError } from '$lib/domain/errors';

/** A refused report request, with the HTTP status the API answers with. */
export class ReportError extends StatusError {}

export class ReportNotFoundError extends ReportError {
	constructor(id: string) {
		super(404, 'report.error.notFound', { id });
	}
}

/** The stored bytes no longer match the hash taken when the report was made: never serve them. */
export class SnapshotAlteredError extends ReportError {
	constructor(id: string) {
		super(409, 'report.error.altered', { id });
	}
}
