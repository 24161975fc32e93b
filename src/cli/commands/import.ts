import { parseArgs } from 'node:util';
import { z } from 'zod';
import { KINDS } from '$lib/domain/records';
import { getDatabase } from '$lib/server/db/connection';
import { importFile } from '$lib/server/ingest';
import type { ImportResult } from '$lib/domain/ingest/api';
import { CliError, cliText, progressBar } from '../output';
import { runImportUndo } from './import-undo';

const kindSchema = z.enum(KINDS);

/** "HEADER=field" with the last '=' as separator, since headers may contain '='. */
function parseMapEntries(entries: string[]): Record<string, string> {
	const map: Record<string, string> = {};
	for (const entry of entries) {
		const at = entry.lastIndexOf('=');
		if (at <= 0 || at === entry.length - 1) throw new CliError('system.cli.badMap', { entry });
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

export async function runImport(args: string[]): Promise<void> {
	if (args[0] === 'undo') return runImportUndo(args.slice(1));
	const { values, positionals } = parseArgs({
		args,
		allowPositionals: true,
		options: {
			kind: { type: 'string' },
			map: { type: 'string', multiple: true },
			profile: { type: 'string' },
			'save-profile': { type: 'string' },
			encoding: { type: 'string' },
			sheet: { type: 'string' },
			json: { type: 'boolean' }
		}
	});
	if (positionals.length !== 1) throw new CliError('system.cli.importOneFile');
	const kind = kindSchema.safeParse(values.kind);
	if (!kind.success) throw new CliError('system.cli.badKind', { kinds: KINDS.join(', ') });
	const db = await getDatabase();
	const bar = progressBar(cliText('system.cli.importing'));
	const result = await importFile(db, positionals[0], {
		kind: kind.data,
		map: parseMapEntries(values.map ?? []),
		profile: values.profile,
		saveProfile: values['save-profile'],
		encoding: values.encoding,
		sheet: values.sheet,
		onProgress: values.json ? undefined : (p) => bar.update(p.fraction, p.phase)
	});
	bar.done();
	if (values.json) {
		const { batchId, file, sha256, encoding, rows, accepted, updated, duplicates, rejected, skipped } =
			result;
		process.stdout.write(
			`${JSON.stringify({ batchId, kind: result.kind, file, sha256, encoding, rows, accepted, updated, duplicates, rejected, skipped })}\n`
		);
	} else process.stdout.write(`${summaryLine(result)}\n`);
}
