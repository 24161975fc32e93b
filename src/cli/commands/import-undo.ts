import { getDatabase } from '$lib/server/db/connection';
import { assertUndoable, undoBatch, undoPreview } from '$lib/server/ingest';
import { CLI_ACTOR } from '../actor';
import { expectArgs, numberArg, parseCommand } from '../args';
import { CliError, cliText, usageBlock } from '../output';

const usage = () => usageBlock('ingest.undo.usage');

/**
 * `workbench import undo BATCH_ID [--yes] [--json]`: without --yes it prints what the undo would do
 * and exits 2, so a script never undoes an import by a mistyped id without saying so.
 */
export async function runImportUndo(args: string[]): Promise<void> {
	const { values, positionals } = parseCommand(
		args,
		{ yes: { type: 'boolean' }, json: { type: 'boolean' } },
		usage
	);
	const [batch] = expectArgs(positionals, ['BATCH_ID'], usage);
	const id = numberArg(batch, 'BATCH_ID', usage);
	const db = await getDatabase();
	const print = (value: object, line: string) =>
		process.stdout.write(`${values.json ? JSON.stringify(value) : line}\n`);
	if (!values.yes) {
		const preview = await undoPreview(db, id);
		assertUndoable(preview);
		const { toDelete, toRestore } = preview;
		print(preview, `#${id} ${preview.kind} ${preview.fileName}`);
		throw new CliError('ingest.undo.confirm', { id, toDelete, toRestore });
	}
	const result = await undoBatch(db, id, CLI_ACTOR.name);
	const { toDelete, toRestore } = result;
	print(result, cliText('ingest.undo.done', { id, toDelete, toRestore }));
}
