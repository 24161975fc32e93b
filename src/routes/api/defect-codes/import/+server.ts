import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { importDefectCodeSheet } from '$lib/server/catalogue/defect-code-sheet';
import { actorOf } from '$lib/server/http/actor';
import { api, parseQuery } from '$lib/server/http/api';
import { deleteUpload, receiveUpload } from '$lib/server/ingest';
import type { RequestHandler } from './$types';

const query = z.object({ name: z.string().trim().min(1).max(255) });

/** Body = a dictionary sheet's bytes (CSV or XLSX); all of it is written, or nothing (422 with the bad rows). */
export const POST: RequestHandler = api(async ({ request, url, locals }) => {
	const { name } = parseQuery(url, query);
	const upload = await receiveUpload(request, name);
	try {
		return json(
			await importDefectCodeSheet(locals.db, upload.path, actorOf(locals), { fileName: upload.name })
		);
	} finally {
		await deleteUpload(upload.id);
	}
});
