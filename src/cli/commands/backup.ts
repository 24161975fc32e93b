import { resolve } from 'node:path';
import type { MessageKey } from '$lib/i18n';
import { settings } from '$lib/server/config';
import { backup, restore, type BackupManifest } from '$lib/server/db/backup';
import { expectArgs, parseCommand, type CommandOptions } from '../args';
import { openFile, refuseWhileServed } from '../forward';
import { cliText, usageBlock } from '../output';

function summary(manifest: BackupManifest): string {
	const rows = Object.values(manifest.tables).reduce((sum, t) => sum + t.rows, 0);
	return cliText('system.cli.backupSummary', {
		tables: Object.keys(manifest.tables).length,
		rows,
		files: manifest.files.length,
		schema: manifest.schemaVersion
	});
}

/** The one folder a backup or restore takes, resolved, with the command's flags. */
function folderArg<const O extends CommandOptions>(args: string[], options: O, key: MessageKey) {
	const usage = () => usageBlock(key);
	const { values, positionals } = parseCommand(args, options, usage);
	return { dir: resolve(expectArgs(positionals, ['DIR'], usage)[0]), values };
}

/** `workbench backup DIR`: every table, the evidence and report files and the metric configuration. */
export async function runBackup(args: string[]): Promise<void> {
	const { dir, values } = folderArg(args, { json: { type: 'boolean' } }, 'system.cli.backupUsage');
	const manifest = await backup(await openFile('backup'), dir);
	process.stdout.write(values.json ? `${JSON.stringify({ dir, ...manifest })}\n` : `${summary(manifest)}\n`);
}

/** `workbench restore DIR [--replace]`: into WORKBENCH_DB, checked table by table first. */
export async function runRestore(args: string[]): Promise<void> {
	const options = { json: { type: 'boolean' }, replace: { type: 'boolean' } } as const;
	const { dir, values } = folderArg(args, options, 'system.cli.restoreUsage');
	const path = settings().WORKBENCH_DB;
	refuseWhileServed(path, 'restore');
	const { manifest, previous, previousFiles } = await restore(dir, path, values.replace ?? false);
	const { schemaVersion, tables } = manifest;
	const kept = [
		...(previous ? [cliText('system.cli.previousKept', { path: previous })] : []),
		...previousFiles.map((file) => cliText('system.cli.previousFileKept', { path: file }))
	];
	process.stdout.write(
		values.json
			? `${JSON.stringify({ dir, previous, previousFiles, schemaVersion, tables })}\n`
			: `${[summary(manifest), ...kept].join('\n')}\n`
	);
}
