import { api } from '$lib/server/http/api';
import { snapshotDownload } from '$lib/server/reports';
import type { RequestHandler } from './$types';

/** The stored bytes of a report, exactly as generated (checked against their SHA-256). */
export const GET: RequestHandler = api(async ({ params, locals }) => snapshotDownload(locals.db, params.id));
