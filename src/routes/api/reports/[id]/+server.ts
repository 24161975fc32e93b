import { auditSource, scopeOf } from '$lib/server/http/actor';
import { api } from '$lib/server/http/api';
import { snapshotDownload } from '$lib/server/reports';
import type { RequestHandler } from './$types';

/**
 * The stored bytes of a report, exactly as generated (checked against their SHA-256); audited. A report
 * outside the user's scope is 404, like an unknown id.
 */
export const GET: RequestHandler = api(async (event) =>
	snapshotDownload(event.locals.db, event.params.id, auditSource(event), scopeOf(event.locals))
);
