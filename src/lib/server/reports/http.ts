import type { GenerateReportRequest, ReportProgress } from '$lib/domain/reports/api';
import type { UserScope } from '$lib/domain/auth/user';
import { UserError } from '$lib/domain/errors';
import { createT, type Locale } from '$lib/i18n';
import { recordAudit, type AuditSource } from '../audit/log';
import type { Database } from '../db/connection';
import { generateReport } from './generate';
import { mediaType, snapshotBytes } from './snapshots';

/** Generation as NDJSON lines: each step, then the snapshot or the error in the reader's language. */
export function generationStream(
	db: Database,
	request: GenerateReportRequest,
	options: { actor: string; locale: Locale; scope: UserScope }
): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	return new ReadableStream({
		async start(controller) {
			const send = (line: ReportProgress) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
			try {
				const snapshot = await generateReport(db, request, {
					actor: options.actor,
					scope: options.scope,
					onStep: (step) => send({ step })
				});
				send({ snapshot });
			} catch (error) {
				if (!(error instanceof UserError)) console.error('report generation failed:', error);
				send({
					error:
						error instanceof UserError
							? error.in(options.locale)
							: createT(options.locale)('api.internal', {
									detail: (error as Error)?.message ?? String(error)
								})
				});
			} finally {
				controller.close();
			}
		}
	});
}

/**
 * A stored report `viewer` may see as a download named by its id, kind and period; the download is
 * audited. One outside their scope answers 404 like an unknown id.
 */
export async function snapshotDownload(
	db: Database,
	id: string,
	source: AuditSource,
	viewer: UserScope
): Promise<Response> {
	const { snapshot, bytes } = await snapshotBytes(db, id, viewer);
	await recordAudit(db, {
		...source,
		action: 'report.download',
		entity: 'report',
		entityId: snapshot.id,
		detail: { fileName: snapshot.fileName, sha256: snapshot.sha256 }
	});
	return new Response(new Uint8Array(bytes), {
		headers: {
			'content-type': mediaType(snapshot.format),
			'content-length': String(bytes.length),
			'content-disposition': `attachment; filename="${snapshot.fileName}"`,
			'x-content-sha256': snapshot.sha256,
			'cache-control': 'private, max-age=31536000, immutable'
		}
	});
}
