import type { systemZh } from './system.zh-CN';

/** English system messages; the type makes a missing key a compile error. */
export const systemEn: Record<keyof typeof systemZh, string> = {
	'system.backup.notFolder': '{dir} is not a folder: choose a new folder for the backup',
	'system.backup.notEmpty': 'The backup folder {dir} is not empty: choose a new folder',
	'system.backup.badManifest': 'Not a readable workbench backup: {detail}',
	'system.backup.newerSchema':
		'This backup was made by a newer workbench (schema {backup}; this one knows up to {here}): update the workbench first',
	'system.backup.fileAltered':
		'The backup is damaged: its file {path} is missing or does not match its SHA-256 in the manifest',
	'system.backup.fileUnreadable':
		'The backup is damaged: its file {path} is missing or cannot be read: nothing was changed',
	'system.backup.tableMismatch':
		'The restored table {table} does not match the backup ({expected} rows expected, {got} found): nothing was changed',
	'system.backup.tableChecksum':
		'The restored table {table} does not match the backup (its {rows} rows are all there, but their checksum differs): nothing was changed',
	'system.backup.targetExists':
		'The database {path} already exists: restore with --replace (it is kept beside as .before-restore-…)',
	'system.backup.fileConflict':
		'A different file already exists where {path} goes back: restore with --replace',
	'system.cli.backupSummary': '{tables} tables, {rows} rows, {files} files, schema version {schema}',
	'system.cli.previousKept': 'the database it replaced is kept as {path}',
	'system.cli.previousFileKept': 'the file it replaced is kept as {path}',
	'system.cli.auditExported': 'audit log exported to {path} ({size} bytes, SHA-256 {sha256})',
	'system.cli.auditOk': 'audit log intact: {entries} entries ({unchained} from before the hash chain)',
	'system.cli.auditBroken':
		'the audit log is broken at entry {id} ({reason}): it or one before it was changed or removed',
	'system.badSetting': 'The setting {name} has an invalid value "{value}": {problem}',
	'system.formExpected':
		'Bad request: a form is expected (application/x-www-form-urlencoded or multipart/form-data)',
	'system.jsonTooLarge': 'Bad request: JSON body larger than {max} bytes',
	'system.databaseBusy':
		'The database {path} is in use by another process ({detail}). Stop the workbench server, or import through the web page while it runs.',
	'system.cli.importing': 'importing',
	'system.cli.batch': 'batch {batchId}: {file} ({source})',
	'system.cli.delimiter': 'delimiter {delimiter}',
	'system.cli.sheet': 'sheet {sheet}',
	'system.cli.counts':
		'rows {rows} = accepted {accepted} + updated {updated} + duplicates {duplicates} + rejected {rejected} + skipped {skipped}',
	'system.cli.sha256': 'sha256 {sha256}',
	'system.cli.noRows': '(no rows)',
	'system.cli.badMap': '--map expects "HEADER=field", got "{entry}"',
	'system.cli.badFilter': '--filter expects DIM=VALUE with DIM one of {dims}; got "{entry}"',
	'system.cli.unreadableCatalogue': '{path}: cannot read the catalogue ({reason})',
	'system.cli.catalogueNotJson': '{path}: the catalogue is not valid JSON ({reason})',
	'system.cli.unreadableAssessment': '{path}: cannot read the assessment file ({reason})',
	'system.cli.assessmentNotJson': '{path}: the assessment file is not valid JSON ({reason})',
	'system.cli.refusedFile': '{path}: {reason}'
};
