import { json } from '@sveltejs/kit';
import { actorOf } from '$lib/server/http/actor';
import { api, idParam } from '$lib/server/http/api';
import { undoBatch, undoPreview } from '$lib/server/ingest';
import type { RequestHandler } from './$types';

/** What undoing the batch would do: counts to delete and restore, and the later batches that block it. */
export const GET: RequestHandler = api(async ({ params, locals }) =>
	json(await undoPreview(locals.db, idParam.parse(params.id)))
);

/** Undoes the batch; 409 with `blockedBy` when later imports changed its records, or when already undone. */
export const POST: RequestHandler = api(async ({ params, locals }) =>
	json(await undoBatch(locals.db, idParam.parse(params.id), actorOf(locals)))
);
