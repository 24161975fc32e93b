import { z } from 'zod';
import { api, parseQuery } from '$lib/server/http/api';
import { auditQuerySchema, exportAudit } from '$lib/server/audit/query';
import type { RequestHandler } from './$types';

const query = auditQuerySchema.extend({ format: z.enum(['csv', 'xlsx']) });

/** `?format=csv|xlsx&actor=&action=&from=&to=&q=` → the matching audit entries as a download. */
export const GET: RequestHandler = api(async ({ url, locals }) => {
	const { format, ...filter } = parseQuery(url, query);
	const file = await exportAudit(locals.db, filter, format);
	return new Response(file.bytes as BodyInit, {
		headers: {
			'content-type': file.mediaType,
			'content-length': String(file.bytes.length),
			'content-disposition': `attachment; filename="${file.fileName}"`,
			'x-content-type-options': 'nosniff'
		}
	});
});
