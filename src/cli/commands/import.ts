import { z } from 'zod';
import { KINDS } from '$lib/domain/records';
import { importFile, type ImportOptions } from '$lib/server/ingest';
import { assertReadable } from '$lib/server/ingest/import-plan';
import type { ImportJob, ImportProgress, ImportResult } from '$lib/domain/ingest/api';
import { CLI_ACTOR } from '../actor';
import { checkOptions, expectArgs, parseCommand } from '../args';
import { openTarget, type ServerClient } from '../forward';
import { cliText, progressBar, usageBlock, usageError } from '../output';
import { runImportUndo } from './import-undo';

const kindSchema = z.object({ kind: z.enum(KINDS) });
const usage = () => usageBlock('system.cli.importUsage');

/** How often a forwarded import asks the server how far its job is. */
const POLL_MS = 250;

/** "HEADER=field" with the last '=' as separator, since headers may contain '='. */
function parseMapEntries(entries: string[]): Record<string, string> {
	const map: Record<string, string> = {};
	for (const entry of entries) {
		const at = entry.lastIndexOf('=');
		if (at <= 0 || at === entry.length - 1) throw usageError(usage, 'system.cli.badMap', { entry });
		map[entry.slice(0, at).trim()] = entry.slice(at + 1).trim();
	}
	return map;
}

export function summaryLine(r: ImportResult): string {
	const source = [
		r.kind,
		r.encoding,
		...(r.delimiter ? [cliText('system.cli.delimiter', { delimiter: JSON.stringify(r.delimiter) })] : []),
		...(r.sheet ? [cliText('system.cli.sheet', { sheet: r.sheet })] : [])
	];
	const { batchId, file, rows, accepted, updated, duplicates, rejected, skipped, sha256 } = r;
	return [
		cliText('system.cli.batch', { batchId, file, source: source.join(', ') }),
		`  ${cliText('system.cli.counts', { rows, accepted, updated, duplicates, rejected, skipped })}`,
		`  ${cliText('system.cli.sha256', { sha256 })}`
	].join('\n');
}

/**
 * The import done by the server that holds the database: the file uploaded as the browser uploads it,
 * the import job started and polled to its end; the same result as a local import.
 */
async function serverImport(
	server: ServerClient,
	path: string,
	options: Pick<ImportOptions, 'kind' | 'map' | 'profile' | 'saveProfile' | 'encoding' | 'sheet'>,
	onProgress?: (progress: ImportProgress) => void
): Promise<ImportResult> {
	await assertReadable(path);
	const uploadId = await server.upload(path);
	const { jobId } = await server.post<{ jobId: string }>('/api/imports', { uploadId, ...options });
	for (;;) {
		const job = await server.json<ImportJob>(`/api/imports/${encodeURIComponent(jobId)}`);
		if (job.status === 'done' && job.result) return job.result;
		if (job.status === 'failed') throw server.failed(job.error?.message ?? job.status);
		onProgress?.(job.progress);
		await new Promise((done) => setTimeout(done, POLL_MS));
	}
}

export async function runImport(args: string[]): Promise<void> {
	if (args[0] === 'undo') return runImportUndo(args.slice(1));
	const { values, positionals } = parseCommand(
		args,
		{
			kind: { type: 'string' },
			map: { type: 'string', multiple: true },
			profile: { type: 'string' },
			'save-profile': { type: 'string' },
			encoding: { type: 'string' },
			sheet: { type: 'string' },
			json: { type: 'boolean' },
			token: { type: 'string' }
		},
		usage
	);
	const [file] = expectArgs(positionals, ['FILE'], usage);
	const { kind } = checkOptions(kindSchema, values, usage);
	const options = {
		kind,
		map: parseMapEntries(values.map ?? []),
		profile: values.profile,
		saveProfile: values['save-profile'],
		encoding: values.encoding,
		sheet: values.sheet
	};
	const target = await openTarget(values.token);
	const bar = progressBar(cliText('system.cli.importing'));
	const onProgress = values.json ? undefined : (p: ImportProgress) => bar.update(p.fraction, p.phase);
	const result = target.db
		? await importFile(target.db, file, {
				...options,
				importedBy: CLI_ACTOR.name,
				onProgress
			})
		: await serverImport(target.server, file, options, onProgress);
	bar.done();
	if (values.json) {
		const { batchId, file, sha256, encoding, rows, accepted, updated, duplicates, rejected, skipped } =
			result;
		process.stdout.write(
			`${JSON.stringify({ batchId, kind: result.kind, file, sha256, encoding, rows, accepted, updated, duplicates, rejected, skipped })}\n`
		);
	} else process.stdout.write(`${summaryLine(result)}\n`);
}
