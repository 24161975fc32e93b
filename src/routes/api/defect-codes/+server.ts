import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { defectCodeInput } from '$lib/domain/defect-codes';
import { listDefectCodes, saveDefectCode } from '$lib/server/catalogue/defect-codes';
import { actorOf } from '$lib/server/http/actor';
import { api, parseJson, parseQuery } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

const query = z.object({ search: z.string().max(200).default('') });

/** The dictionary by code; `?search=` keeps codes or names containing it. */
export const GET: RequestHandler = api(async ({ url, locals }) =>
	json(await listDefectCodes(locals.db, parseQuery(url, query).search))
);

/** Adds a code (409 when it exists). */
export const POST: RequestHandler = api(async ({ request, locals }) => {
	const entry = await parseJson(request, defectCodeInput, locals.locale);
	return json(await saveDefectCode(locals.db, entry, actorOf(locals), { create: true }), { status: 201 });
});
