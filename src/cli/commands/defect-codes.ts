import { parseArgs } from 'node:util';
import { importDefectCodeSheet } from '$lib/server/catalogue/defect-code-sheet';
import { listDefectCodes } from '$lib/server/catalogue/defect-codes';
import { getDatabase } from '$lib/server/db/connection';
import { CliError, cliText } from '../output';

/**
 * `workbench defect-codes import FILE` writes a dictionary sheet (all rows or none);
 * `workbench defect-codes list` prints the dictionary, one code a line (tab-separated) or as JSON.
 */
export async function runDefectCodes(args: string[]): Promise<void> {
	const { values, positionals } = parseArgs({
		args,
		allowPositionals: true,
		options: { json: { type: 'boolean' } }
	});
	const [action, file, ...rest] = positionals;
	const db = await getDatabase();
	if (action === 'import' && file && rest.length === 0) {
		const result = await importDefectCodeSheet(db, file, 'cli', { origin: 'cli' });
		process.stdout.write(
			values.json ? `${JSON.stringify(result)}\n` : `${cliText('dict.imported', { ...result })}\n`
		);
		return;
	}
	if (action === 'list' && positionals.length === 1) {
		const codes = await listDefectCodes(db);
		if (values.json) process.stdout.write(`${JSON.stringify(codes)}\n`);
		else
			for (const c of codes)
				process.stdout.write(`${[c.code, c.name_zh, c.name_en ?? '', c.source].join('\t')}\n`);
		return;
	}
	throw new CliError('dict.cli.usage');
}
