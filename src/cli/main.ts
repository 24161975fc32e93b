import { UserError } from '$lib/domain/errors';
import { fromOrigin } from '$lib/server/audit/origin';
import { CLI_ACTOR } from './actor';
import { HelpRequested } from './args';
import { CliError, cliErrorText, cliText } from './output';

type Command = (args: string[]) => Promise<void>;

/** Each command's module, loaded only when it runs: the report modules alone take seconds to load. */
const COMMANDS: Record<string, () => Promise<Command>> = {
	import: async () => (await import('./commands/import')).runImport,
	demo: async () => (await import('./commands/demo')).runDemo,
	metric: async () => (await import('./commands/metric')).runMetricCommand,
	assess: async () => (await import('./commands/assess')).runAssess,
	backup: async () => (await import('./commands/backup')).runBackup,
	restore: async () => (await import('./commands/backup')).runRestore,
	audit: async () => (await import('./commands/audit')).runAudit,
	report: async () => (await import('./commands/report')).runReport,
	user: async () => (await import('./commands/user')).runUser,
	'defect-codes': async () => (await import('./commands/defect-codes')).runDefectCodes
};

/** The words that ask for the list of commands. */
const HELP = new Set(['help', '--help', '-h']);

/** A failure of the file system (a path missing, not writable, a folder where a file goes): its message says it. */
const isSystemError = (error: unknown): error is NodeJS.ErrnoException =>
	error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string';

/** Runs one CLI command; returns the exit code. Errors go to stderr, never to stdout. */
export async function main(argv: string[]): Promise<number> {
	const [first, ...rest] = argv;
	// `workbench help COMMAND …` asks what `workbench COMMAND … --help` does.
	const [command, args] =
		first === 'help' && rest.length ? [rest[0], [...rest.slice(1), '--help']] : [first, rest];
	if (command === undefined || HELP.has(command)) {
		// Asked for, the usage is the output; without a command, it says what was missing.
		(command ? process.stdout : process.stderr).write(`${cliText('system.cli.usage')}\n`);
		return command ? 0 : 2;
	}
	const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
	if (!load) {
		const unknown = command.startsWith('-')
			? cliText('system.cli.unknownOption', { option: command })
			: cliText('system.cli.unknownCommand', { command });
		process.stderr.write(`workbench: ${unknown}\n${cliText('system.cli.usage')}\n`);
		return 2;
	}
	try {
		const run = await load();
		await fromOrigin(CLI_ACTOR.origin, () => run(args));
		return 0;
	} catch (error) {
		if (error instanceof HelpRequested) {
			process.stdout.write(`${error.usage}\n`);
			return 0;
		}
		// A UserError (usage, refused file, metric query, setting, busy database) is meant for the user:
		// its words, no stack.
		if (error instanceof UserError) {
			process.stderr.write(`workbench ${command}: ${cliErrorText(error)}\n`);
			return error instanceof CliError ? error.exitCode : 1;
		}
		if (isSystemError(error)) {
			process.stderr.write(`workbench ${command}: ${error.message}\n`);
			return 1;
		}
		process.stderr.write(`workbench ${command}: ${(error as Error).stack ?? String(error)}\n`);
		return 1;
	}
}
