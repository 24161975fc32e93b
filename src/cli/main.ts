import { DatabaseBusyError } from '$lib/server/db/connection';
import { UserError } from '$lib/domain/errors';
import { CliError } from './output';
import { runAssess } from './commands/assess';
import { runDemo } from './commands/demo';
import { runImport } from './commands/import';
import { runMetricCommand } from './commands/metric';
import { runReport } from './commands/report';

const USAGE = `Usage: workbench <command> [options]

Commands:
  import FILE --kind repair|return|complaint|survey|sales [--map "HEADER=field" ...]
              [--profile NAME] [--save-profile NAME] [--encoding E] [--sheet S] [--json]
  metric ID [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--by DIM] [--filter DIM=VALUE ...] [--json]
  demo        load the sample data set (data/samples) into the database
  assess score FILE.json [--catalogue CATALOGUE.json] [--json]   GB/T 27922 score of an assessment file
  report monthly-review|complaint-analysis --period YYYY-MM --format html|pdf|xlsx --out FILE
              [--lang zh-CN|en] [--filter DIM=VALUE ...] [--json]
  report gbt27922 --assessment ID --format html|pdf|xlsx --out FILE [--lang zh-CN|en] [--json]
  report get ID --out FILE | report list   the stored bytes of a generated report, or the list

The database is WORKBENCH_DB (default data/workbench.duckdb).`;

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
	import: runImport,
	demo: runDemo,
	metric: runMetricCommand,
	assess: runAssess,
	report: runReport
};

/** Runs one CLI command; returns the exit code. Errors go to stderr, never to stdout. */
export async function main(argv: string[]): Promise<number> {
	const [command, ...args] = argv;
	const run = command ? COMMANDS[command] : undefined;
	if (!run) {
		process.stderr.write(`${USAGE}\n`);
		return command && command !== '--help' && command !== 'help' ? 2 : 0;
	}
	try {
		await run(args);
		return 0;
	} catch (error) {
		// A UserError (refused file, metric query, setting) is meant for the user: its words, no stack.
		if (error instanceof CliError || error instanceof UserError || error instanceof DatabaseBusyError) {
			process.stderr.write(`workbench ${command}: ${error.message}\n`);
			return error instanceof CliError ? error.exitCode : 1;
		}
		process.stderr.write(`workbench ${command}: ${(error as Error).stack ?? String(error)}\n`);
		return 1;
	}
}
