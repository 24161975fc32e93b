import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { evidenceFile } from '$lib/server/assessment/evidence';
import { getDatabase } from '$lib/server/db/connection';
import { api, idParam } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/** The file's bytes as an attachment (never rendered inline: an uploaded HTML file must not run as our page). */
export const GET: RequestHandler = api(async ({ params }) => {
	const file = await evidenceFile(
		await getDatabase(),
		idParam.parse(params.id),
		idParam.parse(params.evidenceId)
	);
	const ascii = file.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
	return new Response(Readable.toWeb(createReadStream(file.path)) as ReadableStream<Uint8Array>, {
		headers: {
			'content-type': 'application/octet-stream',
			'content-length': String(file.sizeBytes),
			'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
			'x-content-type-options': 'nosniff',
			'x-evidence-sha256': file.sha256
		}
	});
});
