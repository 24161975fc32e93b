import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { settings } from '$lib/server/config';
import { backup, restore, type BackupManifest } from '$lib/server/db/backup';
import { openFile, refuseWhileServed } from '../forward';
import { CliError, cliText } from '../output';

function summary(manifest: BackupManifest): string {
	const rows = Object.values(manifest.tables).reduce((sum, t) => sum + t.rows, 0);
	return cliText('system.cli.backupSummary', {
		tables: Object.keys(manifest.tables).length,
		rows,
		files: manifest.files.length,
		schema: manifest.schemaVersion
	});
}

function folderArg(args: string[], command: 'backup' | 'restore') {
	const { values, positionals } = parseArgs({
		args,
		allowPositionals: true,
		options: { json: { type: 'boolean' }, replace: { type: 'boolean' } }
	});
	if (positionals.length !== 1) throw new CliError('system.cli.oneFolder', { command });
	return { dir: resolve(positionals[0]), values };
}

/** `workbench backup DIR`: every table, the evidence and report files and the metric configuration. */
export async function runBackup(args: string[]): Promise<void> {
	const { dir, values } = folderArg(args, 'backup');
	const manifest = await backup(await openFile('backup'), dir);
	process.stdout.write(values.json ? `${JSON.stringify({ dir, ...manifest })}\n` : `${summary(manifest)}\n`);
}

/** `workbench restore DIR [--replace]`: into WORKBENCH_DB, checked table by table first. */
export async function runRestore(args: string[]): Promise<void> {
	const { dir, values } = folderArg(args, 'restore');
	const path = settings().WORKBENCH_DB;
	refuseWhileServed(path, 'restore');
	const { manifest, previous } = await restore(dir, path, values.replace ?? false);
	process.stdout.write(
		values.json
			? `${JSON.stringify({ dir, previous, schemaVersion: manifest.schemaVersion, tables: manifest.tables })}\n`
			: `${summary(manifest)}${previous ? `\n${cliText('system.cli.previousKept', { path: previous })}` : ''}\n`
	);
}
