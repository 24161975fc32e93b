import { error } from '@sveltejs/kit';
import { auditQuerySchema, listAudit } from '$lib/server/audit/query';
import { verifyAudit } from '$lib/server/audit/verify';
import type { PageServerLoad } from './$types';

/** The audit log, filtered and a page at a time, with the state of its hash chain. */
export const load: PageServerLoad = async ({ url, locals }) => {
	const parsed = auditQuerySchema.safeParse(Object.fromEntries(url.searchParams));
	if (!parsed.success)
		error(400, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
	const [list, chain] = await Promise.all([listAudit(locals.db, parsed.data), verifyAudit(locals.db)]);
	return { ...list, query: parsed.data, chain };
};
