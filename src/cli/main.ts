import { UserError } from '$lib/domain/errors';
import { CliError, cliErrorText, cliText } from './output';
import { runAssess } from './commands/assess';
import { runBackup, runRestore } from './commands/backup';
import { runAudit } from './commands/audit';
import { runDefectCodes } from './commands/defect-codes';
import { runDemo } from './commands/demo';
import { runImport } from './commands/import';
import { runMetricCommand } from './commands/metric';
import { runReport } from './commands/report';
import { runUser } from './commands/user';

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
	import: runImport,
	demo: runDemo,
	metric: runMetricCommand,
	assess: runAssess,
	backup: runBackup,
	restore: runRestore,
	audit: runAudit,
	report: runReport,
	user: runUser,
	'defect-codes': runDefectCodes
};

/** Runs one CLI command; returns the exit code. Errors go to stderr, never to stdout. */
export async function main(argv: string[]): Promise<number> {
	const [command, ...args] = argv;
	const run = command ? COMMANDS[command] : undefined;
	if (!run) {
		process.stderr.write(`${cliText('system.cli.usage')}\n`);
		return command && command !== '--help' && command !== 'help' ? 2 : 0;
	}
	try {
		await run(args);
		return 0;
	} catch (error) {
		// A UserError (usage, refused file, metric query, setting, busy database) is meant for the user:
		// its words, no stack.
		if (error instanceof UserError) {
			process.stderr.write(`workbench ${command}: ${cliErrorText(error)}\n`);
			return error instanceof CliError ? error.exitCode : 1;
		}
		process.stderr.write(`workbench ${command}: ${(error as Error).stack ?? String(error)}\n`);
		return 1;
	}
}
