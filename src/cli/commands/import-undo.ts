import { parseArgs } from 'node:util';
import { z } from 'zod';
import { getDatabase } from '$lib/server/db/connection';
import { assertUndoable, undoBatch, undoPreview } from '$lib/server/ingest';
import { CliError, cliText } from '../output';

/**
 * `workbench import undo BATCH_ID [--yes] [--json]`: without --yes it prints what the undo would do
 * and exits 2, so a script never undoes an import by a mistyped id without saying so.
 */
export async function runImportUndo(args: string[]): Promise<void> {
	const { values, positionals } = parseArgs({
		args,
		allowPositionals: true,
		options: { yes: { type: 'boolean' }, json: { type: 'boolean' } }
	});
	const id = z.coerce.number().int().positive().safeParse(positionals[0]);
	if (positionals.length !== 1 || !id.success) throw new CliError('ingest.undo.usage');
	const db = await getDatabase();
	const print = (value: object, line: string) =>
		process.stdout.write(`${values.json ? JSON.stringify(value) : line}\n`);
	if (!values.yes) {
		const preview = await undoPreview(db, id.data);
		assertUndoable(preview);
		const { toDelete, toRestore } = preview;
		print(preview, `#${id.data} ${preview.kind} ${preview.fileName}`);
		throw new CliError('ingest.undo.confirm', { id: id.data, toDelete, toRestore });
	}
	const result = await undoBatch(db, id.data, 'cli');
	const { toDelete, toRestore } = result;
	print(result, cliText('ingest.undo.done', { id: id.data, toDelete, toRestore }));
}
