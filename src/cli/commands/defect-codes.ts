import { importDefectCodeSheet } from '$lib/server/catalogue/defect-code-sheet';
import { listDefectCodes } from '$lib/server/catalogue/defect-codes';
import { getDatabase } from '$lib/server/db/connection';
import { assertReadable } from '$lib/server/ingest/import-plan';
import { CLI_ACTOR } from '../actor';
import { expectArgs, parseCommand, subcommand } from '../args';
import { cliText, usageBlock } from '../output';

const usage = () => usageBlock('dict.cli.usage');

/**
 * `workbench defect-codes import FILE` writes a dictionary sheet (all rows or none);
 * `workbench defect-codes list` prints the dictionary, one code a line (tab-separated) or as JSON.
 */
export async function runDefectCodes(args: string[]): Promise<void> {
	const { values, positionals } = parseCommand(args, { json: { type: 'boolean' } }, usage);
	const [asked, ...rest] = positionals;
	const action = subcommand('defect-codes', asked, ['import', 'list'], usage);
	if (action === 'import') {
		const [file] = expectArgs(rest, ['FILE'], usage);
		// Said as an import says it, not as the sheet reader's internal error.
		await assertReadable(file);
		const result = await importDefectCodeSheet(await getDatabase(), file, CLI_ACTOR.name, {
			origin: CLI_ACTOR.origin
		});
		process.stdout.write(
			values.json ? `${JSON.stringify(result)}\n` : `${cliText('dict.imported', { ...result })}\n`
		);
		return;
	}
	expectArgs(rest, [], usage);
	const codes = await listDefectCodes(await getDatabase());
	if (values.json) process.stdout.write(`${JSON.stringify(codes)}\n`);
	else
		for (const c of codes)
			process.stdout.write(`${[c.code, c.name_zh, c.name_en ?? '', c.source].join('\t')}\n`);
}
