import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { api, parseQuery } from '$lib/server/http/api';
import { kindSchema } from '$lib/server/http/schemas';
import { availableProfiles } from '$lib/server/ingest';
import type { RequestHandler } from './$types';

const query = z.object({ kind: kindSchema.optional() });

/** Mapping profiles (saved and shipped), optionally of one kind. */
export const GET: RequestHandler = api(async ({ url, locals }) => {
	const { kind } = parseQuery(url, query);
	return json(await availableProfiles(locals.db, kind));
});
