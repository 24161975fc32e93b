import type { cliZh } from './cli.zh-CN';

/** The CLI's usage texts and what it says of the arguments it was given, English. */
export const cliEn: Record<keyof typeof cliZh, string> = {
	'system.cli.usage': `Usage: workbench <command> [options]

Commands:
  import FILE --kind repair|return|complaint|survey|sales [--map "HEADER=field" ...]
              [--profile NAME] [--save-profile NAME] [--encoding E] [--sheet S] [--json]
  import undo BATCH_ID [--yes] [--json]   undo an import
  metric ID [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--by DIM] [--filter DIM=VALUE ...] [--json]
  demo        load the sample data set (data/samples) into the database
  assess score FILE.json [--catalogue CATALOGUE.json] [--json]   GB/T 27922 score of an assessment file
  backup DIR  every table, evidence and report files and the metric configuration, into a new folder
  restore DIR [--replace]   a backup into WORKBENCH_DB (checked table by table first)
  user add NAME --role admin|analyst|auditor|viewer | list | disable NAME | reset NAME | token add|list|revoke
  defect-codes import FILE [--json] | defect-codes list [--json]   the defect code dictionary (sheet: code, name[, English name])
  audit verify  recompute the audit log's hash chain; names the first broken entry
  audit export --out FILE [--format csv|xlsx] [--actor NAME] [--action ACTION] [--from DAY] [--to DAY]   the audit log as a file
  report monthly-review|complaint-analysis --period YYYY-MM --format html|pdf|xlsx --out FILE
              [--lang zh-CN|en] [--filter DIM=VALUE ...] [--json]
  report gbt27922 --assessment ID --format html|pdf|xlsx --out FILE [--lang zh-CN|en] [--json]
  report get ID --out FILE | report list   the stored bytes of a generated report, or the list
  report schedule list|add|remove|run-due   scheduled reports

workbench <command> --help or workbench help <command> prints a command's usage.
The database is WORKBENCH_DB (default data/workbench.duckdb). While the server holds it, import, metric,
report and audit export are sent to the server with an API token: --token T or WORKBENCH_TOKEN; backup,
restore and audit verify need the file itself and are refused, saying what to do.
WORKBENCH_LANG=zh-CN|en sets the language the CLI speaks.`,
	'system.cli.usageHead': 'Usage:',
	'system.cli.unknownCommand': 'unknown command "{command}"',
	'system.cli.unknownOption': 'unknown option {option}',
	'system.cli.optionNeedsValue': '{option} needs a value',
	'system.cli.optionTakesNoValue': '{option} takes no value',
	'system.cli.missing': '{what} is missing',
	'system.cli.unexpectedArgument': 'unexpected argument "{argument}"',
	'system.cli.badWhat': '{command} expects one of {choices}',
	'system.cli.notNumber': '{what} must be a number, got "{value}"',
	'system.cli.missingChoice': '{option} is missing: give one of {allowed}',
	'system.cli.badChoice': '{option} "{value}" is not one of {allowed}',
	'system.cli.badOption': '{option}{problem}',
	'system.cli.outIsFolder': '{path} is a folder: --out needs a file name',
	'system.cli.outNoFolder': '{path}: cannot write the file, the folder {folder} does not exist',
	'system.cli.cannotWrite': '{path}: cannot write the file ({reason})',
	'system.cli.noSamples':
		'cannot read the sample data set {path} ({reason}); set WORKBENCH_SAMPLES to its folder',
	'system.cli.importUsage': `workbench import FILE --kind repair|return|complaint|survey|sales [--map "HEADER=field" ...]
                 [--profile NAME] [--save-profile NAME] [--encoding E] [--sheet S] [--token T] [--json]
workbench import undo BATCH_ID [--yes] [--json]

  --kind          what the file holds (the table it goes to)
  --map           HEADER=field, winning over the built-in synonyms (repeatable)
  --profile       map with a saved mapping profile; --save-profile saves the mapping used
  --encoding      the file's encoding instead of the detected one (utf-8, gb18030, utf-16le …)
  --sheet         the XLSX sheet to read (default: the first visible one)
  --token         the API token used while the server holds the database (or WORKBENCH_TOKEN)
  --json          stdout holds only one JSON object: the batch and its counts`,
	'system.cli.metricUsage': `workbench metric ID [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--by DIM] [--filter DIM=VALUE ...] [--token T] [--json]

  ID              a metric: {metrics}
  --from, --to    the first and last day, inclusive
  --by            the dimension of a breakdown (GET /api/metrics lists each metric's)
  --filter        DIM one of {filters}; the same DIM twice means either value
  --json          stdout is one object {"metric": ID, "rows": [...]}`,
	'system.cli.assessUsage': `workbench assess score FILE.json [--catalogue CATALOGUE.json] [--json]

  the GB/T 27922 score, star level and gap to the next level of an assessment file`,
	'system.cli.auditUsage': `workbench audit verify [--json]
workbench audit export --out FILE [--format csv|xlsx] [--actor NAME] [--action ACTION]
                       [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--q TEXT] [--token T] [--json]`,
	'system.cli.backupUsage': `workbench backup DIR [--json]

  DIR is a new or empty folder; stop the server first`,
	'system.cli.restoreUsage': `workbench restore DIR [--replace] [--json]

  --replace       replace an existing database and a different metric configuration
                  (each kept beside as <file>.before-restore-<time>)`,
	'system.cli.demoUsage': `workbench demo [--json]

  load the sample data set (WORKBENCH_SAMPLES, default data/samples) and give the admin demo a new password`
};
