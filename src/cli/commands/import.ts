import { parseArgs } from 'node:util';
import { z } from 'zod';
import { KINDS } from '$lib/domain/records';
import { getDatabase } from '$lib/server/db/connection';
import { importFile } from '$lib/server/ingest';
import type { ImportResult } from '$lib/domain/ingest/api';
import { CliError, progressBar } from '../output';

const kindSchema = z.enum(KINDS, { error: `--kind must be one of ${KINDS.join(', ')}` });

/** "HEADER=field" with the last '=' as separator, since headers may contain '='. */
function parseMapEntries(entries: string[]): Record<string, string> {
	const map: Record<string, string> = {};
	for (const entry of entries) {
		const at = entry.lastIndexOf('=');
		if (at <= 0 || at === entry.length - 1)
			throw new CliError(`--map expects "HEADER=field", got "${entry}"`);
		map[entry.slice(0, at).trim()] = entry.slice(at + 1).trim();
	}
	return map;
}

export function summaryLine(r: ImportResult): string {
	return (
		`batch ${r.batchId}: ${r.file} (${r.kind}, ${r.encoding}${r.delimiter ? `, delimiter ${JSON.stringify(r.delimiter)}` : ''}${r.sheet ? `, sheet ${r.sheet}` : ''})\n` +
		`  rows ${r.rows} = accepted ${r.accepted} + updated ${r.updated} + duplicates ${r.duplicates} + rejected ${r.rejected} + skipped ${r.skipped}\n` +
		`  sha256 ${r.sha256}`
	);
}

export async function runImport(args: string[]): Promise<void> {
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
	if (positionals.length !== 1) throw new CliError('import expects exactly one FILE');
	const kind = kindSchema.safeParse(values.kind);
	if (!kind.success) throw new CliError(`--kind must be one of ${KINDS.join(', ')}`);
	const db = await getDatabase();
	const bar = progressBar('importing');
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
