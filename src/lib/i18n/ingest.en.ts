import type { ingestZh } from './ingest.zh-CN';

/** English ingest messages; the type makes a missing key a compile error. */
export const ingestEn: Record<keyof typeof ingestZh, string> = {
	'ingest.unreadableFile': 'cannot read the file ({reason})',
	'ingest.emptyFile': 'the file is empty',
	'ingest.noRows': 'no rows found',
	'ingest.unknownEncoding': 'Unknown encoding "{name}"',
	'ingest.unknownFields': 'unknown field(s) {unknown} for {kind}; fields are: {fields}',
	'ingest.unknownHeaders':
		'the mapping names header(s) {absent} that the file does not have. Headers found: {headers}',
	'ingest.missingRequired':
		'required field(s) {missing} not found for a {kind} import. Headers found: {headers}. Map them with --map "HEADER=field" or a profile.',
	'ingest.unknownProfile': 'Unknown mapping profile "{name}"',
	'ingest.profileKind': 'Mapping profile "{name}" is for {profileKind} files, not {kind}',
	'ingest.filterColumn': 'Profile filter names a column "{header}" that the file does not have',
	'ingest.inconsistentCsv':
		"the CSV structure could not be read consistently (quoting or line breaks); {staged} rows were read where {good} were expected. Check the file's quoting.",
	'ingest.xlsxUnreadable': 'Cannot read the XLSX file: {why}',
	'ingest.xlsxEncrypted':
		'Not a readable XLSX file (encrypted workbook or legacy .xls; save it as .xlsx without a password)',
	'ingest.zipNoDirectory': 'Not a readable XLSX file (no zip directory found)',
	'ingest.zipCorrupt': 'Not a readable XLSX file (corrupt zip directory)',
	'ingest.zip64': 'XLSX file too large (zip64 archive)',
	'ingest.zipTooManyParts': 'XLSX file has too many parts',
	'ingest.zipBomb': 'XLSX part {entry} expands {ratio}:1, refused as a possible zip bomb',
	'ingest.zipTooLarge': 'XLSX file expands to {total} bytes, over the {limit} byte limit',
	'ingest.sheetNoHeader': 'Sheet "{sheet}" has no header row',
	'ingest.sheetWideRow':
		'Sheet "{sheet}" row {row} has a value in column {column}, right of the header\'s last column {last}',
	'ingest.sheetRowNumber': 'Sheet "{sheet}" has a row without a row number',
	'ingest.sheetEmpty': 'Sheet "{sheet}" is empty',
	'ingest.noWorksheet': 'The workbook has no worksheet',
	'ingest.sheetBeforeList':
		'Sheet "{sheet}" is stored before the workbook\'s sheet list and cannot be picked by name; re-save the file in Excel',
	'ingest.sheetNotFound': 'Sheet "{sheet}" not found; the workbook has: {sheets}',
	'ingest.binaryFormat': 'this is a {format} file, not CSV or XLSX',
	'ingest.binaryText':
		'line {line} holds binary data (control character {code}); the file is not text in a known encoding',
	'ingest.sheetTooLarge': 'a lookup sheet larger than {limit}; split it and import the parts',
	'ingest.firstLineTooLong': 'the first line runs past {limit} without ending; no header row found',
	'ingest.tooManyColumns': 'the file has {columns} columns, over the limit of {max}',
	'ingest.unclosedQuote':
		'the quoted value opened on line {line} is not closed at the end of a field, so the lines after it would merge into one value; fix the quotes on that line and import again',
	'ingest.strayCr':
		'line {line} has a lone carriage return (CR) inside it, unlike the line ends of the rest of the file',
	'ingest.mixedLineEnds':
		'line {line} ends differently (LF or CR LF) from the lines before it; save the file again with one kind of line end',
	'ingest.csvUnreadable': 'the file cannot be read as CSV; nothing was imported',
	'ingest.importFailed':
		'the import failed with an internal error; nothing was imported (details in the server log)',
	'ingest.zipNotWorkbook': 'this is a zip archive but not an Excel workbook (no xl/workbook.xml)',
	'ingest.inflateTooLarge': 'the XLSX file expands past {limit}; reading stopped',
	'ingest.inflateRatio':
		'the XLSX file expands to more than {ratio} times its compressed size, refused as a possible zip bomb; reading stopped',
	'ingest.undo.button': 'Undo this import',
	'ingest.undo.ask':
		'Undo import #{id}? {toDelete} records it added will be deleted and {toRestore} records it changed restored to their earlier version.',
	'ingest.undo.confirmButton': 'Confirm undo',
	'ingest.undo.cancel': 'Cancel',
	'ingest.undo.undone': 'Undone {at}',
	'ingest.undo.badge': '(undone)',
	'ingest.undo.usage': `workbench import undo BATCH_ID [--yes] [--json]

  without --yes it prints what the undo would do and exits 2`,
	'ingest.undo.notFound': 'no import batch #{id}',
	'ingest.undo.alreadyUndone': 'import batch #{id} was already undone at {at}',
	'ingest.undo.blocked':
		'import batch #{id} cannot be undone: later imports changed the same records ({later}); undo those first',
	'ingest.undo.confirm':
		'Undo import #{id}: {toDelete} records will be deleted and {toRestore} restored to their earlier version. Run again with --yes to do it.',
	'ingest.undo.done': 'Import #{id} undone: {toDelete} records deleted, {toRestore} restored.'
};
