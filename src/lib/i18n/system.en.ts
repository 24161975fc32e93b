import type { systemZh } from './system.zh-CN';

/** English system messages; the type makes a missing key a compile error. */
export const systemEn: Record<keyof typeof systemZh, string> = {
	'system.backup.notEmpty': 'The backup folder {dir} is not empty: choose a new folder',
	'system.backup.badManifest': 'Not a readable workbench backup: {detail}',
	'system.backup.newerSchema':
		'This backup was made by a newer workbench (schema {backup}; this one knows up to {here}): update the workbench first',
	'system.backup.fileAltered':
		'The backup file {path} is missing or does not match its SHA-256 in the manifest',
	'system.backup.tableMismatch':
		'The restored table {table} does not match the backup ({expected} rows expected, {got} found): nothing was changed',
	'system.backup.targetExists':
		'The database {path} already exists: restore with --replace (it is kept beside as .before-restore-…)',
	'system.backup.fileConflict':
		'A different file already exists where {path} goes back: restore with --replace',
	'system.cli.oneFolder': '{command} expects exactly one folder',
	'system.cli.backupSummary': '{tables} tables, {rows} rows, {files} files, schema version {schema}',
	'system.cli.previousKept': 'the database it replaced is kept as {path}',
	'system.cli.auditUsage':
		'audit expects: audit verify [--json] | audit export --out FILE [--format csv|xlsx] [--actor NAME] [--action ACTION] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--q TEXT] [--json]',
	'system.cli.auditExported': 'audit log exported to {path} ({size} bytes, SHA-256 {sha256})',
	'system.cli.auditOk': 'audit log intact: {entries} entries ({unchained} from before the hash chain)',
	'system.cli.auditBroken':
		'the audit log is broken at entry {id} ({reason}): it or one before it was changed or removed',
	'system.badSetting': 'The setting {name} has an invalid value "{value}": {problem}',
	'system.jsonTooLarge': 'Bad request: JSON body larger than {max} bytes',
	'system.databaseBusy':
		'The database {path} is in use by another process ({detail}). Stop the workbench server, or import through the web page while it runs.',
	'system.cli.usage': `Usage: workbench <command> [options]

Commands:
  import FILE --kind repair|return|complaint|survey|sales [--map "HEADER=field" ...]
              [--profile NAME] [--save-profile NAME] [--encoding E] [--sheet S] [--json]
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

The database is WORKBENCH_DB (default data/workbench.duckdb). While the server holds it, import, metric,
report and audit export are sent to the server with an API token: --token T or WORKBENCH_TOKEN; backup,
restore and audit verify need the file itself and are refused, saying what to do.
WORKBENCH_LANG=zh-CN|en sets the language the CLI speaks.`,
	'system.cli.importing': 'importing',
	'system.cli.batch': 'batch {batchId}: {file} ({source})',
	'system.cli.delimiter': 'delimiter {delimiter}',
	'system.cli.sheet': 'sheet {sheet}',
	'system.cli.counts':
		'rows {rows} = accepted {accepted} + updated {updated} + duplicates {duplicates} + rejected {rejected} + skipped {skipped}',
	'system.cli.sha256': 'sha256 {sha256}',
	'system.cli.noRows': '(no rows)',
	'system.cli.importOneFile': 'import expects exactly one FILE',
	'system.cli.badKind': '--kind must be one of {kinds}',
	'system.cli.badMap': '--map expects "HEADER=field", got "{entry}"',
	'system.cli.metricOneId': 'metric expects exactly one metric ID',
	'system.cli.badFilter': '--filter expects DIM=VALUE with DIM one of {dims}; got "{entry}"',
	'system.cli.assessUsage': 'usage: assess score FILE.json [--catalogue CATALOGUE.json] [--json]',
	'system.cli.unreadableCatalogue': '{path}: cannot read the catalogue ({reason})',
	'system.cli.catalogueNotJson': '{path}: the catalogue is not valid JSON ({reason})',
	'system.cli.unreadableAssessment': '{path}: cannot read the assessment file ({reason})',
	'system.cli.assessmentNotJson': '{path}: the assessment file is not valid JSON ({reason})',
	'system.cli.refusedFile': '{path}: {reason}'
};
